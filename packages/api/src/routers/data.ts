// The admin Data screen: public CMS sources, their import runs with live progress, quarantined rows, and starting
// an import. Reference data is shared by every org: admins (and platform operators) see what was loaded; only a
// platform operator, a role above orgs granted on the server, may load it (see @pharmacrm/jobs platform-operator).
import { TRPCError } from "@trpc/server";
import { count, eq } from "drizzle-orm";
import { z } from "zod";

import { dataSourceRun } from "@pharmacrm/db";
import { DATASETS, getRun, listQuarantine, listRuns, pipelines, quarantineSummary } from "@pharmacrm/ingest";
import {
  datasetSchema,
  ImportFileError,
  importRequestSchema,
  isPlatformOperator,
  MAX_IMPORT_BYTES,
  requestImport,
  resumeImports,
} from "@pharmacrm/jobs";

import { createTRPCRouter } from "../trpc";
import { adminProcedure } from "./admin-procedure";
import { runView, runViews, startersOf } from "./data-run-view";

/** Admins see the data sources; so do platform operators, whatever their role in their own org. */
const dataProcedure = adminProcedure("Only admins can see the data sources. Ask an admin of your organisation.", {
  platformOperators: true,
});

export const OPERATORS_ONLY =
  "Only a platform operator can load reference data: it is shared by every organisation on this server. Ask the people who run this installation.";

const operatorProcedure = dataProcedure.use(({ ctx, next }) => {
  if (!isPlatformOperator(ctx.viewer)) throw new TRPCError({ code: "FORBIDDEN", message: OPERATORS_ONLY });
  return next();
});

const page = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) };

/** What the import form sends: the job's own request, without the internal run id. */
export const startImportInput = importRequestSchema.omit({ runId: true });

async function runOrNotFound(db: Parameters<typeof getRun>[0], id: string) {
  const run = await getRun(db, id);
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "That import run does not exist (any more)." });
  return run;
}

export const dataRouter = createTRPCRouter({
  /** What this viewer may do on the Data screen. */
  access: dataProcedure.query(({ ctx }) => ({
    canLoad: isPlatformOperator(ctx.viewer),
    maxUploadBytes: MAX_IMPORT_BYTES,
  })),

  /** Per dataset: the last successful run (release, counts) and the latest run of any status. */
  sources: dataProcedure.query(async ({ ctx }) => {
    await resumeImports(ctx.db);
    const perDataset = await Promise.all(
      DATASETS.map(async (dataset) => ({ dataset, runs: await listRuns(ctx.db, { dataset, limit: 25 }) })),
    );
    const starters = await startersOf(
      ctx.db,
      perDataset.flatMap(({ runs }) => runs),
    );
    return perDataset.map(({ dataset, runs }) => {
      const lastSuccess = runs.find((run) => run.status === "succeeded");
      return {
        dataset,
        duplicateRule: pipelines[dataset].duplicateRule,
        lastSuccess: lastSuccess ? runView(lastSuccess, ctx.viewer, starters) : null,
        latest: runs[0] ? runView(runs[0], ctx.viewer, starters) : null,
      };
    });
  }),

  runs: dataProcedure.input(z.object({ dataset: datasetSchema.optional(), ...page })).query(async ({ ctx, input }) => {
    await resumeImports(ctx.db);
    const [items, [total]] = await Promise.all([
      listRuns(ctx.db, { dataset: input.dataset, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
      ctx.db
        .select({ n: count() })
        .from(dataSourceRun)
        .where(input.dataset ? eq(dataSourceRun.dataset, input.dataset) : undefined),
    ]);
    return {
      items: await runViews(ctx.db, items, ctx.viewer),
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
    };
  }),

  run: dataProcedure.input(z.object({ id: z.uuid("Not a run id") })).query(async ({ ctx, input }) => {
    const run = await runOrNotFound(ctx.db, input.id);
    const [view] = await runViews(ctx.db, [run], ctx.viewer);
    return {
      ...view!,
      duplicateRule: pipelines[run.dataset].duplicateRule,
      reasons: await quarantineSummary(ctx.db, run.id),
    };
  }),

  quarantine: dataProcedure
    .input(z.object({ runId: z.uuid("Not a run id"), ...page }))
    .query(async ({ ctx, input }) => {
      const run = await runOrNotFound(ctx.db, input.runId);
      const items = await listQuarantine(ctx.db, run.id, {
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items, total: run.rowsQuarantined, page: input.page, pageSize: input.pageSize };
    }),

  /** Starts an import of a file in the import folder or a public URL; the run id comes back before any row is read. */
  startImport: operatorProcedure.input(startImportInput).mutation(async ({ ctx, input }) => {
    try {
      const { run, alreadyLoaded } = await requestImport(ctx.db, input, ctx.scope);
      return { runId: run.id, status: run.status, alreadyLoaded };
    } catch (error) {
      if (error instanceof ImportFileError)
        throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
      throw error;
    }
  }),
});
