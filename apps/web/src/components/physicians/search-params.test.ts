import { describe, expect, it } from "vitest";

import { parseSearchParams, searchInput, searchQueryString } from "./search-params";

describe("the physician search's URL", () => {
  it("ignores text holding a control character (a hand-edited %00) and keeps the rest", () => {
    const p = parseSearchParams(
      new URLSearchParams("q=heart%00&city=Boston&drug=eli%1Bquis&manufacturer=%20Pfizer%20"),
      true,
    );
    expect(p).toMatchObject({ q: "", city: "Boston", drug: "", manufacturer: "Pfizer", mine: true });
  });

  it("keeps 'not seen in N days' in the URL and sends it to the search; an unreadable value is dropped", () => {
    const p = parseSearchParams(new URLSearchParams("unseen=60&mine=1"), false);
    expect(p.unseen).toBe(60);
    expect(searchQueryString(p, false)).toBe("?unseen=60&mine=1");
    expect(searchInput(p)).toMatchObject({ notSeenDays: 60, mine: true });
    expect(parseSearchParams(new URLSearchParams("unseen=0"), true).unseen).toBeUndefined();
    expect(parseSearchParams(new URLSearchParams("unseen=abc"), true).unseen).toBeUndefined();
  });
});
