import type { SecondFactorStage } from "@pharmacrm/domain";

/** Where a session goes next: the page it asked for, or first the code step or the authenticator setup. */
export function secondStepPath(stage: SecondFactorStage, callbackUrl: string): string {
  if (stage === "done") return callbackUrl;
  const query = new URLSearchParams({ callbackUrl }).toString();
  return stage === "verify" ? `/sign-in/verify?${query}` : `/sign-in/set-up?${query}`;
}
