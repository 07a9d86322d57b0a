"use client";

import { Suspense, use } from "react";

import { loadOnce } from "./load-once";

// The markdown parser (react-markdown, remark-gfm and their micromark / mdast stack) is needed only once an answer
// has text: it loads then, if the chat has not preloaded it. Meanwhile the text shows as written, in the same place
// and type (hence not next/dynamic, whose placeholder cannot see the text).
const loadRenderer = loadOnce(() => import("./markdown-renderer"));

function MarkdownRenderer({ text }: { text: string }) {
  const { default: Renderer } = use(loadRenderer());
  return <Renderer text={text} />;
}

/** Starts loading the parser ahead of the first answer (a no-op once it is loaded). */
export function preloadMarkdown() {
  void loadRenderer();
}

export function Markdown({ text }: { text: string }) {
  return (
    <div className="text-sm text-slate-800">
      <Suspense fallback={<p className="my-2 leading-relaxed whitespace-pre-wrap first:mt-0 last:mb-0">{text}</p>}>
        <MarkdownRenderer text={text} />
      </Suspense>
    </div>
  );
}
