// Who must sign in with a second factor (TOTP), and what a session still owes.
//   platform operators: always, demo orgs included (they load the data every org reads)
//   admins: when their org requires it (on for new orgs; the seeded demo orgs turn it off)
//   everyone else: optional; once enrolled, every sign-in asks for it
export type SecondFactorStage = "done" | "verify" | "enrol";

export interface SecondFactorFacts {
  role: "rep" | "manager" | "admin";
  platformOperator: boolean;
  mfaRequiredForAdmins: boolean;
  /** Has a confirmed authenticator. */
  enrolled: boolean;
  /** This session already passed a second factor. */
  passedThisSession: boolean;
}

export function secondFactorRequired(
  facts: Pick<SecondFactorFacts, "role" | "platformOperator" | "mfaRequiredForAdmins">,
): boolean {
  return facts.platformOperator || (facts.role === "admin" && facts.mfaRequiredForAdmins);
}

export function secondFactorStage(facts: SecondFactorFacts): SecondFactorStage {
  if (facts.enrolled) return facts.passedThisSession ? "done" : "verify";
  return secondFactorRequired(facts) ? "enrol" : "done";
}
