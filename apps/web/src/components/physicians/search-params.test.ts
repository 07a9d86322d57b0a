import { describe, expect, it } from "vitest";

import { parseSearchParams } from "./search-params";

describe("the physician search's URL", () => {
  it("ignores text holding a control character (a hand-edited %00) and keeps the rest", () => {
    const p = parseSearchParams(
      new URLSearchParams("q=heart%00&city=Boston&drug=eli%1Bquis&manufacturer=%20Pfizer%20"),
      true,
    );
    expect(p).toMatchObject({ q: "", city: "Boston", drug: "", manufacturer: "Pfizer", mine: true });
  });
});
