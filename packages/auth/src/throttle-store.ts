// rate-limiter-flexible over our drizzle handle, so the same limiter runs on PGlite and on Postgres (postgres.js).
// The library ships a Drizzle store too, but it loads drizzle-orm with a computed dynamic import that Next's server
// bundle cannot follow; these three methods are the same atomic upsert with static imports.
import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import {
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterStoreAbstract as StoreAbstract,
} from "rate-limiter-flexible";
// @ts-expect-error -- the library's documented base for a custom store; its index (and so its types) leave it out
import StoreAbstractClass from "rate-limiter-flexible/lib/RateLimiterStoreAbstract.js";

import { signInThrottle, type Db } from "@pharmacrm/db";

const RateLimiterStoreAbstract = StoreAbstractClass as typeof StoreAbstract;

type Row = typeof signInThrottle.$inferSelect;

export class RateLimiterDb extends RateLimiterStoreAbstract {
  private readonly db: Db;

  constructor(db: Db, options: IRateLimiterOptions) {
    super({ ...options, storeClient: db });
    this.db = db;
  }

  protected _getRateLimiterRes(_key: string, changedPoints: number, row: Row): RateLimiterRes {
    const msBeforeNext = row.expire ? Math.max(row.expire.getTime() - Date.now(), 0) : -1;
    return new RateLimiterRes(
      Math.max(this.points - row.points, 0),
      msBeforeNext,
      row.points,
      row.points === changedPoints,
    );
  }

  protected async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Row> {
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const expired = sql`${signInThrottle.expire} <= ${now.toISOString()}::timestamptz`;
    const [row] = await this.db
      .insert(signInThrottle)
      .values({ key, points, expire })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: forceExpire
          ? { points, expire }
          : {
              points: sql`case when ${expired} then ${points}::integer else ${signInThrottle.points} + ${points}::integer end`,
              expire: sql`case when ${expired} then ${expire?.toISOString() ?? null}::timestamptz else ${signInThrottle.expire} end`,
            },
      })
      .returning();
    return row!;
  }

  protected async _get(key: string): Promise<Row | null> {
    const [row] = await this.db
      .select()
      .from(signInThrottle)
      .where(and(eq(signInThrottle.key, key), or(isNull(signInThrottle.expire), gt(signInThrottle.expire, new Date()))))
      .limit(1);
    return row ?? null;
  }

  protected async _delete(key: string): Promise<boolean> {
    const rows = await this.db
      .delete(signInThrottle)
      .where(eq(signInThrottle.key, key))
      .returning({ key: signInThrottle.key });
    return rows.length > 0;
  }
}

/** Drops counters that ran out more than an hour ago (they no longer count; this only keeps the table small). */
export async function pruneExpiredThrottleRows(db: Db, now = new Date()): Promise<void> {
  await db.delete(signInThrottle).where(lte(signInThrottle.expire, new Date(now.getTime() - 60 * 60 * 1000)));
}
