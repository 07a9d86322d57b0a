import { ChevronRight } from "lucide-react";

/** The shape `@pharmacrm/demo` exports as `demoSignIns`. */
export interface DemoSignInRow {
  email: string;
  role: "admin" | "manager" | "rep";
  org: string;
  territory: string | null;
  region: string | null;
}

/** A collapsed list of the demo accounts, shown only on the embedded demo database. */
export function DemoSignIns({ signIns, password }: { signIns: readonly DemoSignInRow[]; password: string }) {
  return (
    <details className="group mt-4 w-full max-w-sm rounded-lg border border-dashed border-slate-300 bg-white/60 text-xs text-slate-600">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 px-3 py-2 font-medium text-slate-700 select-none">
        <ChevronRight className="size-4 text-slate-400 transition-transform group-open:rotate-90" aria-hidden />
        Demo sign-ins
        <span className="ml-auto font-normal text-slate-500">
          password <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-slate-700">{password}</code>
        </span>
      </summary>
      <div className="border-t border-slate-200 px-3 pb-2">
        {[...new Set(signIns.map((s) => s.org))].map((org) => (
          <section key={org} className="pt-2">
            <h2 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{org}</h2>
            <ul className="divide-y divide-slate-100">
              {signIns
                .filter((s) => s.org === org)
                .map((s) => (
                  <li key={s.email} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                    <code className="font-mono text-slate-800 select-all">{s.email}</code>
                    <span className="ml-auto text-right text-slate-500">
                      {s.role} · {s.territory ?? s.region ?? "whole org"}
                    </span>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </details>
  );
}
