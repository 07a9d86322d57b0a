export * from "./input";
export { createCallPlan, updateCallPlan, deleteCallPlan, plannableTerritories } from "./plans";
export { setPlanTargets, setTargetsByTier, territoryTiers } from "./targets";
export { importPlanTargets } from "./import";
export { listCallPlans, callPlanDetail } from "./attainment";
