import { describe, expect, it } from "vitest";

import { parseSearchText, type ParsedFilters } from "./parse-query";
import type { SearchVocabulary } from "./vocabulary";

const vocabulary: SearchVocabulary = {
  taxonomies: [
    {
      code: "207RC0000X",
      classification: "Internal Medicine",
      specialization: "Cardiovascular Disease",
      displayName: "Cardiovascular Disease Physician",
    },
    { code: "207N00000X", classification: "Dermatology", specialization: null, displayName: "Dermatology Physician" },
  ],
  drugs: new Map([
    ["eliquis", { brandNames: ["Eliquis"], genericNames: [] }],
    ["apixaban", { brandNames: [], genericNames: ["Apixaban"] }],
    ["insulin glargine", { brandNames: [], genericNames: ["Insulin Glargine"] }],
  ]),
  latestPartDYear: 2023,
  places: new Map([
    ["boston", [{ city: "boston", state: "MA", lat: 42.35, lng: -71.06, zipCount: 40 }]],
    ["new york", [{ city: "new york", state: "NY", lat: 40.75, lng: -73.99, zipCount: 90 }]],
    ["jackson", [{ city: "jackson", state: "MS", lat: 32.3, lng: -90.18, zipCount: 20 }]],
    ["smith", [{ city: "smith", state: "NV", lat: 38.8, lng: -119.3, zipCount: 1 }]],
  ]),
  manufacturers: ["Pfizer Inc.", "Bristol-Myers Squibb Company"],
  markets: [{ id: "00000000-0000-4000-8000-000000000001", name: "Anticoagulants", brandNames: ["Eliquis"] }],
};

const cases: [string, ParsedFilters][] = [
  ["dr smth cardiology boston", { name: "smth", specialty: ["cardiology"], city: "boston", state: "MA" }],
  ["heart doctor near 02115 within 10 miles", { specialty: ["heart doctor"], near: { zip: "02115" }, radiusMiles: 10 }],
  ["writes eliquis", { drug: "Eliquis" }],
  ["prescribers of insulin glargine in new york", { drug: "Insulin Glargine", city: "new york", state: "NY" }],
  ["writes apixaban at least 50 claims", { drug: "Apixaban", minClaims: 50 }],
  [
    "anticoagulants market writers near boston",
    { marketId: "00000000-0000-4000-8000-000000000001", near: { lat: 42.35, lng: -71.06 }, radiusMiles: 25 },
  ],
  ["skin doctor paid by pfizer", { specialty: ["skin doctor"], manufacturer: "pfizer" }],
  ["received payments from bristol-myers squibb", { manufacturer: "bristol-myers squibb" }],
  ["1234567893", { npi: "1234567893" }],
  ["Dr. Jackson", { name: "jackson" }],
  ["jackson dermatology", { name: "jackson", specialty: ["Dermatology"] }],
  ["dermatology in jackson", { specialty: ["Dermatology"], city: "jackson", state: "MS" }],
  ["smith 02115", { name: "smith", zip: "02115" }],
  ["john smith", { name: "john smith" }],
  ["cardiology smith", { specialty: ["cardiology"], city: "smith", state: "NV" }],
  ["jones smith nv", { name: "jones", city: "smith", state: "NV" }],
  ["Jane Smith MA", { name: "jane smith", state: "MA" }],
  ["cardiovascular disease massachusetts", { specialty: ["Cardiovascular Disease"], state: "MA" }],
  ["john 5 miles from 02139", { name: "john", radiusMiles: 5, near: { zip: "02139" } }],
  ["who writes eliquis in my territory", { drug: "Eliquis", mine: true }],
  ["find cardiologists in my territories", { specialty: ["cardiologists"], mine: true }],
  ["my doctors in boston", { mine: true, city: "boston", state: "MA" }],
  ["treats atrial fibrillation in older patients", { semantic: "treats atrial fibrillation older patients" }],
  ["my doctors not seen in 60 days", { mine: true, notSeenDays: 60 }],
  ["which of my doctors haven't I seen in 2 months", { mine: true, notSeenDays: 60 }],
  [
    "cardiologists in boston I have not visited in 3 weeks",
    { specialty: ["cardiologists"], city: "boston", state: "MA", notSeenDays: 21 },
  ],
  ["docs in my territory i haven't seen in 6 wks", { mine: true, notSeenDays: 42 }],
  ["writes eliquis no calls in the last 90 days", { drug: "Eliquis", notSeenDays: 90 }],
];

describe("parseSearchText", () => {
  it.each(cases)("%s", (text, expected) => {
    expect(parseSearchText(text, vocabulary).filters).toEqual(expected);
  });

  it("says what it understood, in the user's words and the database's", () => {
    const { understood } = parseSearchText("dr smth cardiology boston", vocabulary);
    expect(understood).toEqual([
      { kind: "specialty", text: "cardiology", label: "cardiology (5 specialties)" },
      { kind: "place", text: "boston", label: "Boston, MA" },
      { kind: "name", text: "smth", label: "smth" },
    ]);
  });
});
