export * from "./input";
export type { SubmitProblem } from "./rules";
export { saveCallDraft, deleteCallDraft } from "./drafts";
export { submitCall, logInteraction, type SubmitResult } from "./submit";
export { unlockCall } from "./unlock";
export { getCall } from "./view";
export { sampleStock, receiveSamples, adjustSamples } from "./stock";
export { callReportPolicy, setCallBackdateDays, setCallBackdateInput } from "./policy";
