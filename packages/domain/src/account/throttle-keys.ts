// Keys of the sign-in throttle's counters (table sign_in_throttle), shared by the throttle in @pharmacrm/auth and the
// admin unlock here. A counter is `<limiter>:<subject>`; each subject has a failure counter and a hold.
export const THROTTLE_LIMITERS = { failures: "sign-in-failures", hold: "sign-in-hold" } as const;

/** Subjects throttled separately: an account (by email, whether or not it exists), a client address, a user's second step. */
export const throttleSubject = {
  account: (email: string) => `account:${email.trim().toLowerCase()}`,
  ip: (ip: string) => `ip:${ip}`,
  secondFactor: (userId: string) => `second-factor:${userId}`,
};

/** Every stored key that throttles this subject. */
export const throttleKeys = (subject: string): string[] =>
  Object.values(THROTTLE_LIMITERS).map((limiter) => `${limiter}:${subject}`);
