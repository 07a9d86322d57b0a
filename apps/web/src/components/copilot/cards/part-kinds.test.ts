// Which physician a search led to: the one the answer's next tool call went on with, if the search found it.
import { describe, expect, it } from "vitest";

import type { CopilotPart } from "../types";
import { answeredByCard, chosenFromSearch } from "./part-kinds";

const search = (npis: string[], status = "ok") =>
  ({
    type: "tool-searchPhysicians",
    toolCallId: "s",
    state: "output-available",
    input: { query: "Jacobi" },
    output: { status, results: npis.map((npi) => ({ npi })) },
  }) as unknown as CopilotPart;
const brief = (npi: string) =>
  ({
    type: "tool-prepareCallBrief",
    toolCallId: "b",
    state: "input-available",
    input: { npi },
  }) as unknown as CopilotPart;
const text = { type: "text", text: "…" } as CopilotPart;

describe("chosenFromSearch", () => {
  it("is the NPI the next tool call used when the search found it", () => {
    expect(chosenFromSearch([search(["1", "2"]), text, brief("2")], 0)).toBe("2");
  });

  it("is nothing when the next call is about someone the search did not find, or there is none", () => {
    expect(chosenFromSearch([search(["1", "2"]), brief("3")], 0)).toBeUndefined();
    expect(chosenFromSearch([search(["1", "2"]), text], 0)).toBeUndefined();
    expect(chosenFromSearch([search(["1"], "error"), brief("1")], 0)).toBeUndefined();
    expect(chosenFromSearch([brief("1"), search(["1"])], 0)).toBeUndefined();
  });
});

describe("answeredByCard", () => {
  const done = (type: string, status: string) =>
    ({ type, toolCallId: "t", state: "output-available", input: {}, output: { status } }) as unknown as CopilotPart;

  it("is true when the answer's last tool result is a card that says it all", () => {
    expect(answeredByCard([search(["1"]), done("tool-prepareCallBrief", "ok"), text])).toBe(true);
    expect(answeredByCard([done("tool-draftOutreach", "drafted"), text])).toBe(true);
  });

  it("is false for a refusal, a write's result, a list answered in words, or no tool at all", () => {
    expect(answeredByCard([done("tool-draftOutreach", "no_consent"), text])).toBe(false);
    expect(answeredByCard([done("tool-logInteraction", "logged"), text])).toBe(false);
    expect(answeredByCard([done("tool-listTasks", "ok"), text])).toBe(false);
    expect(answeredByCard([text])).toBe(false);
  });
});
