"use client";

import Link from "next/link";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

// The copilot answers in GitHub-flavoured markdown. Links inside the app stay client-side; others open in a new tab.
// No raw HTML: react-markdown escapes it, so text from the database cannot inject markup.
const components: Components = {
  p: (props) => <p className="my-2 leading-relaxed first:mt-0 last:mb-0" {...props} />,
  ul: (props) => <ul className="my-2 list-disc space-y-1 pl-5" {...props} />,
  ol: (props) => <ol className="my-2 list-decimal space-y-1 pl-5" {...props} />,
  h1: (props) => <h3 className="mt-3 mb-1 text-base font-semibold text-slate-900" {...props} />,
  h2: (props) => <h3 className="mt-3 mb-1 text-sm font-semibold text-slate-900" {...props} />,
  h3: (props) => <h4 className="mt-3 mb-1 text-sm font-semibold text-slate-900" {...props} />,
  strong: (props) => <strong className="font-semibold text-slate-900" {...props} />,
  code: (props) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]" {...props} />,
  blockquote: (props) => <blockquote className="my-2 border-l-2 border-slate-200 pl-3 text-slate-600" {...props} />,
  table: (props) => (
    <div className="my-2 overflow-x-auto">
      <table className="w-full border-collapse text-xs" {...props} />
    </div>
  ),
  th: (props) => <th className="border-b border-slate-200 px-2 py-1 text-left font-medium text-slate-600" {...props} />,
  td: (props) => <td className="border-b border-slate-100 px-2 py-1 tabular-nums" {...props} />,
  a: ({ href = "", children }) =>
    href.startsWith("/") ? (
      <Link href={href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {children}
      </Link>
    ) : (
      <a
        href={href}
        target="_blank"
        rel="noreferrer noopener"
        className="font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {children}
      </a>
    ),
};

/** The markdown parser's half of Markdown, loaded with the first answer that has text. */
export default function MarkdownRenderer({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
      {text}
    </ReactMarkdown>
  );
}
