import { sourceText, type FigureSource } from "../types";

/** The small print under a card: where its figures came from, each source once. */
export function SourceLine({ sources }: { sources: FigureSource[] }) {
  const unique = [...new Set(sources.map(sourceText))];
  if (unique.length === 0) return null;
  return <p className="text-[11px] text-slate-400">Sources: {unique.join(" · ")}</p>;
}
