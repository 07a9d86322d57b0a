// The raw tool call behind a card, collapsed by default: for the curious and for checking a figure's origin.
export function ToolDetails({ name, input, output }: { name: string; input: unknown; output?: unknown }) {
  return (
    <details className="group mt-1.5 text-xs text-slate-500" data-testid="tool-details">
      <summary className="cursor-pointer list-none select-none hover:text-slate-700 [&::-webkit-details-marker]:hidden">
        <span className="inline-block transition-transform group-open:rotate-90" aria-hidden>
          ›
        </span>{" "}
        Tool details: {name}
      </summary>
      <div className="mt-1.5 grid gap-2 rounded-md border border-slate-200 bg-slate-50 p-2">
        <Raw label="Input" value={input} />
        {output !== undefined ? <Raw label="Output" value={output} /> : null}
      </div>
    </details>
  );
}

function Raw({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <p className="font-medium text-slate-600">{label}</p>
      <pre className="mt-0.5 max-h-64 overflow-auto font-mono text-[11px] leading-snug whitespace-pre-wrap text-slate-700">
        {JSON.stringify(value ?? null, null, 2)}
      </pre>
    </div>
  );
}
