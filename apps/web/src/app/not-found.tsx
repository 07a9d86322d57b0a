import Link from "next/link";

import { buttonClasses, cn } from "@pharmacrm/ui";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <p className="text-xs font-semibold tracking-wider text-brand-700 uppercase">404</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-1 text-slate-500">The page you were looking for does not exist or has moved.</p>
      <Link href="/physicians" className={cn(buttonClasses({ variant: "secondary" }), "mt-6")}>
        Go to physicians
      </Link>
    </main>
  );
}
