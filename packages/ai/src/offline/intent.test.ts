import { describe, expect, it } from "vitest";

import { readIntent, type Intent } from "./intent";
import { DEMO_VOCABULARY } from "./labelled/demo-vocabulary";
import { physicianRef, type PhysicianRef } from "./physician-ref";

// Monday 23 November 2026, mid-morning: the rep's "today".
const now = new Date(2026, 10, 23, 10, 0);

/** A call log as read, with the fields not said left empty. */
const log = (physician: PhysicianRef, fields: Partial<Extract<Intent, { kind: "log" }>>): Intent => ({
  kind: "log",
  physician,
  channel: "in_person",
  occurredAt: null,
  products: [],
  samples: [],
  notes: null,
  followUp: null,
  followUpDate: null,
  ...fields,
});

// What reps actually type, and what the offline engine must make of it.
const questions: [string, Intent][] = [
  // call prep
  ["prep me for my call with Dr Smith", { kind: "brief", physician: { name: "Smith" } }],
  ["Prep me for my call with Dr. Sarah Chen tomorrow", { kind: "brief", physician: { name: "Sarah Chen" } }],
  ["get me ready for dr smyth", { kind: "brief", physician: { name: "smyth" } }],
  ["call brief for 1234567893", { kind: "brief", physician: { npi: "1234567893" } }],
  ["What should I know before my visit with Dr Patel?", { kind: "brief", physician: { name: "Patel" } }],
  ["prepare a briefing on Doctor Maria Lopez", { kind: "brief", physician: { name: "Maria Lopez" } }],
  // profile
  ["who is Dr Okafor", { kind: "profile", physician: { name: "Okafor" }, focus: "overview" }],
  ["tell me about Dr. James O'Brien", { kind: "profile", physician: { name: "James O'Brien" }, focus: "overview" }],
  ["what does Dr Chen prescribe?", { kind: "profile", physician: { name: "Chen" }, focus: "prescribing" }],
  [
    "How many Eliquis claims does dr patel write",
    { kind: "profile", physician: { name: "patel" }, focus: "prescribing" },
  ],
  ["what payments did Dr Nguyen receive", { kind: "profile", physician: { name: "Nguyen" }, focus: "payments" }],
  ["Open Payments for 1497758544", { kind: "profile", physician: { npi: "1497758544" }, focus: "payments" }],
  ["what happened on my last visit with Dr Kim", { kind: "profile", physician: { name: "Kim" }, focus: "history" }],
  ["does Dr Rossi have consent for email?", { kind: "profile", physician: { name: "Rossi" }, focus: "consent" }],
  ["1234567893", { kind: "profile", physician: { npi: "1234567893" }, focus: "overview" }],
  ["show me Dr Hughes's profile", { kind: "profile", physician: { name: "Hughes" }, focus: "overview" }],
  // search
  ["find cardiologists in Boston", { kind: "search", query: "cardiologists in Boston", mine: false }],
  [
    "heart doctors near 02115 within 10 miles",
    { kind: "search", query: "heart doctors near 02115 within 10 miles", mine: false },
  ],
  ["who writes eliquis in my territory?", { kind: "search", query: "who writes eliquis in my territory", mine: true }],
  ["search for smith", { kind: "search", query: "smith", mine: false }],
  ["show me dermatologists in New York", { kind: "search", query: "dermatologists in New York", mine: false }],
  [
    "any endocrinologists in Cambridge MA",
    { kind: "search", query: "any endocrinologists in Cambridge MA", mine: false },
  ],
  [
    "list oncologists who received payments from Pfizer",
    { kind: "search", query: "oncologists who received payments from Pfizer", mine: false },
  ],
  ["Find me skin doctors in San Francisco", { kind: "search", query: "skin doctors in San Francisco", mine: false }],
  [
    "cardiologists in Boston writing Eliquis",
    { kind: "search", query: "cardiologists in Boston writing Eliquis", mine: false },
  ],
  ["Who writes Eliquis?", { kind: "search", query: "Who writes Eliquis", mine: false }],
  ["pediatricians paid by Pfizer", { kind: "search", query: "pediatricians paid by Pfizer", mine: false }],
  // drafts
  [
    "draft a follow-up email to Dr Smith",
    { kind: "draft", physician: { name: "Smith" }, purpose: "follow_up", topic: null, product: null },
  ],
  [
    "Write an invitation to Dr. Chen for the cardiology symposium",
    { kind: "draft", physician: { name: "Chen" }, purpose: "invitation", topic: "cardiology symposium", product: null },
  ],
  [
    "email dr patel offering samples of Eliquis",
    { kind: "draft", physician: { name: "patel" }, purpose: "sample_offer", topic: null, product: null },
  ],
  [
    "compose a note to Dr Lopez about the new dosing data",
    { kind: "draft", physician: { name: "Lopez" }, purpose: "follow_up", topic: "the new dosing data", product: null },
  ],
  [
    "invite Dr Kim to the webinar",
    { kind: "draft", physician: { name: "Kim" }, purpose: "invitation", topic: null, product: null },
  ],
  // next-best actions
  ["what should I do next?", { kind: "nba", physician: null }],
  ["who should I call this week", { kind: "nba", physician: null }],
  ["next best actions for Dr Smith", { kind: "nba", physician: { name: "Smith" } }],
  ["plan my week", { kind: "nba", physician: null }],
  ["Where should I focus today?", { kind: "nba", physician: null }],
  // logging
  [
    "log a call with Dr Smith today, discussed Eliquis dosing",
    log({ name: "Smith" }, { occurredAt: "2026-11-23", notes: "Discussed Eliquis dosing" }),
  ],
  ["I called Dr Chen yesterday", log({ name: "Chen" }, { channel: "phone", occurredAt: "2026-11-22" })],
  [
    "record a video meeting with Dr. Patel on Friday. Notes: wants the renal data",
    log({ name: "Patel" }, { channel: "video", occurredAt: "2026-11-20", notes: "Wants the renal data" }),
  ],
  ["log a visit with 1234567893", log({ npi: "1234567893" }, {})],
  // tasks
  [
    "remind me to send Dr Smith the study by Friday",
    { kind: "task", physician: { name: "Smith" }, title: "Send Dr Smith the study", dueDate: "2026-11-27" },
  ],
  [
    "create a task to follow up with Dr Chen in 2 weeks",
    { kind: "task", physician: { name: "Chen" }, title: "Follow up with Dr Chen", dueDate: "2026-12-07" },
  ],
  ["add a task to order brochures", { kind: "task", physician: null, title: "Order brochures", dueDate: null }],
  // help and the unknown
  ["help", { kind: "help" }],
  ["What can you do?", { kind: "help" }],
  ["", { kind: "unknown", reason: "The message is empty." }],
  [
    "the weather is nice",
    { kind: "unknown", reason: "That is outside what I work on: your CRM and the CMS reference data." },
  ],
  ["purple monkey dishwasher", { kind: "unknown", reason: "I could not tell what this is about." }],
];

describe("readIntent: what a rep asks", () => {
  it.each(questions)("%j", (message, expected) => {
    const { readings: _said, ...intent } = readIntent(message, now);
    expect(intent).toEqual(expected);
  });

  it("covers at least 40 questions across every intent", () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(questions.map(([, intent]) => intent.kind));
    expect([...kinds].sort()).toEqual(["brief", "draft", "help", "log", "nba", "profile", "search", "task", "unknown"]);
  });
});

describe("readIntent: “her”, “him”, “this doctor” follow the physician the conversation is about", () => {
  const earlier = { npi: "1234567893" };
  it.each([
    ["draft a follow-up email to her about Eliquis", "draft"],
    ["log a call with him yesterday, discussed samples", "log"],
    ["what does she prescribe?", "profile"],
    ["prep me for my call with this doctor", "brief"],
  ])("%s", (message, kind) => {
    const intent = readIntent(message, now, earlier);
    expect(intent.kind).toBe(kind);
    expect("physician" in intent && intent.physician).toEqual(earlier);
  });

  it("a named physician wins over the earlier one, and without an earlier one nothing is invented", () => {
    const named = readIntent("draft an email to Dr Smith about her samples", now, earlier);
    expect("physician" in named && named.physician).toEqual({ name: "Smith" });
    expect(readIntent("log a call with him yesterday", now)).toMatchObject({
      kind: "ask",
      question: expect.stringContaining("Which physician was the call with?"),
    });
  });
});

describe("physicianRef", () => {
  it("prefers an NPI, then a titled name, then a capitalised name after a preposition", () => {
    expect(physicianRef("brief for 1234567893 and Dr Smith")).toEqual({ npi: "1234567893" });
    expect(physicianRef("prep me for my call with Sarah Chen on Monday")).toEqual({ name: "Sarah Chen" });
    expect(physicianRef("who writes eliquis")).toBeNull();
    expect(physicianRef("a 12-digit number 123456789012 is not an NPI")).toBeNull();
  });
});

describe("readIntent with the database's words", () => {
  const vocabulary = { ...DEMO_VOCABULARY, places: new Set(["boston", "abernathy"]) };
  const read = (message: string) => readIntent(message, now, null, { role: "rep", vocabulary });

  it("takes a titled name whole even when a word of it is also a place, and stops it at a drug", () => {
    const log = read("log a call with Dr Joana Abernathy today, discussed Eliquis, left 2 samples");
    expect(log).toMatchObject({
      kind: "log",
      physician: { name: "Joana Abernathy" },
      notes: "Discussed Eliquis, left 2 samples",
      samples: [{ product: "Eliquis", quantity: 2 }],
    });
    expect(read("show me Dr Barrows Eliquis trend")).toMatchObject({ physician: { name: "Barrows" }, drug: "Eliquis" });
  });

  it("reads an untitled place as a place, not a physician", () => {
    expect(read("Tell me about Boston")).toMatchObject({ kind: "search", query: "in Boston" });
  });
});

describe("readIntent: where each slot came from", () => {
  const read = (message: string) => readIntent(message, now, null, { role: "rep", vocabulary: DEMO_VOCABULARY });

  it("keeps the words as written, typos and short forms included, with their place in the message", () => {
    const message = "log a phone call with Dr Caleb Jacobs yest about farxgia; follow up next tues";
    const intent = read(message);
    expect(intent.kind).toBe("log");
    expect(intent.readings).toEqual([
      { slot: "occurredAt", written: "yest", start: 38, end: 47, value: "Sunday 22 November 2026" },
      { slot: "followUpDate", written: "next tues", start: 73, end: 85, value: "Tuesday 1 December 2026" },
      { slot: "products", written: "farxgia", start: 54, end: 61, value: "Farxiga" },
    ]);
  });

  it("reads a time, a generic, a due date and a period", () => {
    expect(read("log a call with Dr Jacobi today at 9:30, discussed apixaban").readings).toEqual([
      expect.objectContaining({ written: "today at 9:30", value: "Monday 23 November 2026 at 09:30" }),
      expect.objectContaining({ written: "apixaban", value: "Eliquis" }),
    ]);
    expect(read("move the formulary task to tmrw").readings).toEqual([
      expect.objectContaining({ slot: "dueDate", written: "tmrw", value: "Tuesday 24 November 2026" }),
    ]);
    expect(read("how many calls did I log last month?").readings).toEqual([
      expect.objectContaining({ slot: "period", written: "last month", value: "2026-10-01 to 2026-10-31" }),
    ]);
    expect(read("record that Dr Jacobi gave email consent for eliqus").readings).toEqual([
      expect.objectContaining({ slot: "product", written: "eliqus", value: "Eliquis" }),
    ]);
  });

  it("has none when nothing was read from the words", () => {
    expect(read("prep me for my call with Dr Smith").readings).toBeUndefined();
    expect(read("add a task to order brochures").readings).toBeUndefined();
  });
});

describe("readIntent: a calls question carried on in a few words", () => {
  const after = (previous: string, message: string) =>
    readIntent(message, now, null, { role: "rep", vocabulary: DEMO_VOCABULARY, previous });

  it.each([
    ["how many calls did I log last week", "and the wk before that?", "2026-11-09", "2026-11-15"],
    ["how many calls did I log last month", "and the month before?", "2026-09-01", "2026-09-30"],
    ["show my calls last quarter", "what about the quarter before", "2026-04-01", "2026-06-30"],
    ["show my calls in the last 10 days", "and before that?", "2026-11-04", "2026-11-13"],
    ["show my phone calls last month", "what about September?", "2026-09-01", "2026-09-30"],
    ["show my calls this week", "and last week?", "2026-11-16", "2026-11-22"],
  ])("%s → %s", (previous, message, from, to) => {
    expect(after(previous, message)).toMatchObject({ kind: "calls", from, to });
  });

  it("keeps the channel and swaps the product", () => {
    expect(after("show my phone calls last month", "what about September?")).toMatchObject({ channel: "phone" });
    expect(after("how many calls did I log last week", "and for eliquis?")).toMatchObject({
      kind: "calls",
      from: "2026-11-16",
      to: "2026-11-22",
      product: "Eliquis",
    });
  });

  it("does not carry on what was not a calls question, and a month is not a physician", () => {
    expect(after("prep me for my call with Dr Smith", "and the week before?").kind).toBe("unknown");
    expect(readIntent("what about November?", now, null, { role: "rep", vocabulary: DEMO_VOCABULARY })).toMatchObject({
      kind: "unknown",
    });
  });
});

describe("readIntent: places said by their initials", () => {
  const manager = { role: "manager" as const, vocabulary: DEMO_VOCABULARY };
  const filtersOf = (text: string) => {
    const intent = readIntent(text, now, null, manager);
    return intent.kind === "analytics" ? intent.query?.filters : undefined;
  };

  it("reads LA, SF and NYC as the territories they stand for", () => {
    expect(filtersOf("calls in LA last month")).toEqual([
      { member: "Territories.name", operator: "equals", values: ["los angeles"] },
    ]);
    expect(filtersOf("samples by rep in sf this quarter")).toEqual([
      { member: "Territories.name", operator: "equals", values: ["san francisco"] },
    ]);
    expect(filtersOf("reach by rep for nyc last quarter")).toEqual([
      { member: "Territories.name", operator: "equals", values: ["new york"] },
    ]);
  });

  it("leaves two-letter words alone: a territory called Inland North is not “in”", () => {
    const vocabulary = { ...DEMO_VOCABULARY, areas: [...DEMO_VOCABULARY.areas, "inland north"] };
    const intent = readIntent("calls by rep in my region last month", now, null, { role: "manager", vocabulary });
    expect(intent.kind === "analytics" && intent.query?.filters).toBeFalsy();
  });
});
