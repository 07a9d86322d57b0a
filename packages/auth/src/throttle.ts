// Sign-in throttling: each subject (an account's email, a client address, a user's second step) counts failures in a
// window. Past a few free failures each one imposes a growing wait (1 s, 2 s, 4 s … capped); at the limit the subject
// is locked out. Holds are checked before any password hash runs, so refused attempts cost nothing.
import type { Db } from "@pharmacrm/db";
import { THROTTLE_LIMITERS } from "@pharmacrm/domain";

import { RateLimiterDb } from "./throttle-store";

export interface ThrottleRule {
  /** Failures without any wait. */
  free: number;
  /** Failures in the window that lock the subject out. */
  max: number;
  windowSeconds: number;
  lockoutSeconds: number;
  maxBackoffSeconds: number;
}

const MINUTE = 60;
// Each rule's backoffs add up to well under its window, so the lockout is reachable (and the backoff alone already
// slows a patient attacker to a few tries a minute). An address gets more room: offices share one.
export const THROTTLE_RULES = {
  account: { free: 3, max: 10, windowSeconds: 15 * MINUTE, lockoutSeconds: 15 * MINUTE, maxBackoffSeconds: 30 },
  ip: { free: 20, max: 40, windowSeconds: 15 * MINUTE, lockoutSeconds: 15 * MINUTE, maxBackoffSeconds: 10 },
  secondFactor: { free: 2, max: 5, windowSeconds: 15 * MINUTE, lockoutSeconds: 15 * MINUTE, maxBackoffSeconds: 30 },
} as const satisfies Record<string, ThrottleRule>;

export interface Hold {
  retryAfterMs: number;
}

export interface FailureOutcome {
  failures: number;
  /** The failure that started a lockout (worth an audit row of its own). */
  lockedOut: boolean;
}

export interface SignInThrottle {
  /** The longest hold on any of these subjects, or null when all may try now. */
  holdOn(subjects: readonly string[]): Promise<Hold | null>;
  recordFailure(subject: string, rule: ThrottleRule): Promise<FailureOutcome>;
  /** A success clears the subject's failures. */
  reset(subject: string): Promise<void>;
}

export function signInThrottle(db: Db): SignInThrottle {
  // Failures are counted with penalty() (which never rejects); holds are block()s on a second limiter.
  const failures = new RateLimiterDb(db, {
    keyPrefix: THROTTLE_LIMITERS.failures,
    points: 1_000_000,
    duration: 15 * MINUTE,
  });
  const holds = new RateLimiterDb(db, { keyPrefix: THROTTLE_LIMITERS.hold, points: 0, duration: 0 });

  return {
    async holdOn(subjects) {
      const states = await Promise.all(subjects.map((subject) => holds.get(subject)));
      const retryAfterMs = Math.max(
        0,
        ...states.map((state) => (state && state.consumedPoints > 0 ? state.msBeforeNext : 0)),
      );
      return retryAfterMs > 0 ? { retryAfterMs } : null;
    },
    async recordFailure(subject, rule) {
      const state = await failures.penalty(subject, 1, { customDuration: rule.windowSeconds });
      const count = state.consumedPoints;
      if (count >= rule.max) {
        await holds.block(subject, rule.lockoutSeconds);
        await failures.delete(subject);
        return { failures: count, lockedOut: true };
      }
      if (count > rule.free) await holds.block(subject, backoffSeconds(count - rule.free, rule.maxBackoffSeconds));
      return { failures: count, lockedOut: false };
    },
    async reset(subject) {
      await failures.delete(subject);
    },
  };
}

/** 1, 2, 4, 8 … seconds for the 1st, 2nd, 3rd … failure past the free ones, capped. */
const backoffSeconds = (beyondFree: number, cap: number): number => Math.min(2 ** (beyondFree - 1), cap);

/** "Too many attempts; try again in 3 minutes." */
export function tooManyAttemptsMessage(retryAfterMs: number): string {
  if (retryAfterMs >= 60_000) {
    const minutes = Math.ceil(retryAfterMs / 60_000);
    return `Too many attempts; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  }
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `Too many attempts; try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
}
