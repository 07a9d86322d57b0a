// Checks an org's audit hash chain (drizzle/0011): every event numbered 1, 2, 3, … without gaps, each naming the hash
// of the one before, each hash matching its content, and the last one matching the chain head. The hash is
// recomputed here, in Node, over the database's canonical serialisation of the stored row, so a row edited with the
// append-only trigger switched off (or by anyone with the table owner's rights) shows up as the first broken link.
import { createHash } from "node:crypto";
import { and, asc, eq, gt, sql } from "drizzle-orm";

import { auditChainHead, auditEvent, org, type Db } from "@pharmacrm/db";

export type ChainProblem =
  /** The stored hash does not match the event's content: the event was changed after it was written. */
  | "altered"
  /** The event does not name the previous event's hash: an event before it was changed, removed or replaced. */
  | "relinked"
  /** A sequence number is missing: an event was removed. */
  | "missing"
  /** The chain ends before the chain head says it does: the newest events were removed. */
  | "truncated";

export interface BrokenLink {
  problem: ChainProblem;
  /** The sequence number of the first event that does not hold (for "missing"/"truncated": the first absent one). */
  seq: number;
  /** The stored event at that point; null when it is absent. */
  eventId: number | null;
  message: string;
}

export interface ChainReport {
  orgId: string;
  /** Events checked. */
  events: number;
  /** The hash of the newest event checked (the newest event when intact): kept outside the database (a ticket, an
   *  email), it anchors the chain against a rewrite of the whole table. */
  headHash: string | null;
  broken: BrokenLink | null;
}

const BATCH = 2_000;

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export async function verifyAuditChain(db: Db, orgId: string): Promise<ChainReport> {
  let expectedSeq = 1;
  let previousHash: string | null = null;
  let events = 0;
  const report = (broken: BrokenLink | null): ChainReport => ({ orgId, events, headHash: previousHash, broken });

  for (;;) {
    const rows = await db
      .select({
        id: auditEvent.id,
        seq: auditEvent.seq,
        prevHash: auditEvent.prevHash,
        hash: auditEvent.hash,
        canonical: sql<string>`audit_event_canonical(${auditEvent})`,
      })
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, orgId), gt(auditEvent.seq, expectedSeq - 1)))
      .orderBy(asc(auditEvent.seq))
      .limit(BATCH);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return report({
          problem: "missing",
          seq: expectedSeq,
          eventId: null,
          message: `First broken link at event seq ${expectedSeq}: it is missing (the next event present is seq ${row.seq}, id ${row.id}).`,
        });
      }
      if (row.prevHash !== previousHash) {
        return report({
          problem: "relinked",
          seq: row.seq,
          eventId: row.id,
          message: `First broken link at event seq ${row.seq} (id ${row.id}): it does not follow the event before it.`,
        });
      }
      if (sha256(row.canonical) !== row.hash) {
        return report({
          problem: "altered",
          seq: row.seq,
          eventId: row.id,
          message: `First broken link at event seq ${row.seq} (id ${row.id}): its content was changed after it was recorded.`,
        });
      }
      previousHash = row.hash;
      expectedSeq += 1;
      events += 1;
    }
    if (rows.length < BATCH) break;
  }

  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.orgId, orgId));
  if (head && (head.seq !== events || (events > 0 && head.hash !== previousHash))) {
    return report({
      problem: "truncated",
      seq: events + 1,
      eventId: null,
      message:
        head.seq > events
          ? `First broken link at event seq ${events + 1}: the chain head records ${head.seq} events, but the chain ends at seq ${events}.`
          : `First broken link at event seq ${events}: the chain head does not match the newest event.`,
    });
  }
  return report(null);
}

/** "Chain intact (N events)" or the first broken link, for the CLI and the admin screen. */
export function describeChain(report: ChainReport): string {
  return report.broken ? report.broken.message : `Chain intact (${report.events.toLocaleString("en-US")} events).`;
}

/** Every org's chain (or one org's, by slug), for `pnpm audit:verify`. */
export async function verifyAuditChains(
  db: Db,
  slug?: string,
): Promise<{ slug: string; name: string; report: ChainReport }[]> {
  const orgs = await db
    .select({ id: org.id, slug: org.slug, name: org.name })
    .from(org)
    .where(slug === undefined ? undefined : eq(org.slug, slug))
    .orderBy(org.slug);
  const reports = [];
  for (const o of orgs) reports.push({ slug: o.slug, name: o.name, report: await verifyAuditChain(db, o.id) });
  return reports;
}
