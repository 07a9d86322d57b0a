// The demo org's words (Northwind, docs/demo data) as the intent layer sees them, for tests that read messages
// without a database. copilot/intent-vocabulary.test.ts checks the loader returns these on the seeded demo.
import type { IntentVocabulary } from "../vocabulary";

const DRUGS = `eliquis apixaban xarelto rivaroxaban warfarin warfarin sodium jantoven farxiga dapagliflozin entresto
  sacubitril/valsartan jardiance empagliflozin ozempic semaglutide trulicity dulaglutide mounjaro tirzepatide trelegy
  ellipta breztri breo spiriva lipitor atorvastatin metformin lisinopril`.split(/\s+/);

const PLACES = `boston cambridge brookline newton quincy somerville worcester springfield new york brooklyn bronx queens
  san francisco oakland los angeles pasadena long beach`.split(/\s+/);

export const DEMO_VOCABULARY: IntentVocabulary = {
  products: [
    { name: "Eliquis", terms: ["eliquis", "apixaban"], sampleable: true },
    { name: "Farxiga", terms: ["farxiga", "dapagliflozin"], sampleable: false },
  ],
  drugs: new Set(DRUGS),
  marketDrugs: [
    "eliquis",
    "xarelto",
    "warfarin",
    "farxiga",
    "entresto",
    "jardiance",
    "ozempic",
    "trulicity",
    "mounjaro",
  ],
  places: new Set([...PLACES, "new york", "san francisco", "los angeles", "long beach"]),
  people: [
    "margaret chen",
    "jordan ellis",
    "david okafor",
    "priya raman",
    "kevin walsh",
    "sofia alvarez",
    "daniel kim",
    "aisha thompson",
  ],
  areas: ["boston", "new york", "san francisco", "los angeles", "northeast", "west"],
  regions: ["northeast", "west"],
  segments: ["loyalist", "shared", "competitor loyal", "non-writer"],
};
