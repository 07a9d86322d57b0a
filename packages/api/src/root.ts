import { adoptionRouter } from "./routers/adoption";
import { analyticsRouter } from "./routers/analytics";
import { auditRouter } from "./routers/audit";
import { callPlanRouter } from "./routers/call-plan";
import { complianceRouter } from "./routers/compliance";
import { consentRouter } from "./routers/consent";
import { conversationRouter } from "./routers/conversation";
import { copilotAuditRouter } from "./routers/copilot-audit";
import { dataRouter } from "./routers/data";
import { hcpRouter } from "./routers/hcp";
import { interactionRouter, samplesRouter } from "./routers/interaction";
import { nbaRouter } from "./routers/nba";
import { productsRouter } from "./routers/products";
import { searchRouter } from "./routers/search";
import { taskRouter } from "./routers/task";
import { territoriesRouter } from "./routers/territories";
import { usersRouter } from "./routers/users";
import { viewerRouter } from "./routers/viewer";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  analytics: analyticsRouter,
  viewer: viewerRouter,
  hcp: hcpRouter,
  adoption: adoptionRouter,
  search: searchRouter,
  interaction: interactionRouter,
  samples: samplesRouter,
  products: productsRouter,
  compliance: complianceRouter,
  territories: territoriesRouter,
  task: taskRouter,
  callPlan: callPlanRouter,
  consent: consentRouter,
  data: dataRouter,
  nba: nbaRouter,
  conversation: conversationRouter,
  copilotAudit: copilotAuditRouter,
  users: usersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
