import { Wordmark } from "~/components/brand";
import type { ReactNode } from "react";

import { Card } from "@pharmacrm/ui";

/** The signed-out pages' frame: the wordmark over one card. */
export function SignInFrame({
  title,
  description,
  wide = false,
  children,
}: {
  title: string;
  description: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-dvh flex-col bg-gradient-to-b from-white to-slate-100">
      <div className="flex flex-1 flex-col items-center justify-center px-4 py-12">
        <Wordmark className="text-xl [&_svg]:size-9" />
        <p className="mt-2 text-sm text-slate-500">Physicians, territories and calls for field teams.</p>

        <Card className={`mt-8 w-full p-6 shadow-sm ${wide ? "max-w-lg" : "max-w-sm"}`}>
          <h1 className="text-base font-semibold text-slate-900">{title}</h1>
          <div className="mt-1 mb-5 text-sm text-slate-500">{description}</div>
          {children}
        </Card>
      </div>
      <footer className="pb-6 text-center text-xs text-slate-400">
        Physician reference data from the CMS National Plan &amp; Provider Enumeration System (NPPES).
      </footer>
    </main>
  );
}
