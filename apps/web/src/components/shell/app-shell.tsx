import { LogoMark, Wordmark } from "~/components/brand";
import { roleLabel, territorySummary } from "~/lib/labels";
import type { RouterOutputs } from "~/trpc/react";
import { LogOut, MapPin, ShieldCheck } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { Badge, Button, buttonClasses, Toaster } from "@pharmacrm/ui";

import { signOutAction } from "./actions";
import { NavLinks } from "./nav-links";

export function AppShell({ me, children }: { me: RouterOutputs["viewer"]["me"]; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-[96rem] items-center gap-3 px-4 sm:gap-4 sm:px-6">
          <Link href="/" aria-label="PharmaCRM home" className="shrink-0 rounded-md">
            <LogoMark className="sm:hidden" />
            <Wordmark className="hidden text-[15px] sm:inline-flex" />
          </Link>
          <NavLinks viewer={{ role: me.role, platformOperator: me.platformOperator }} />
          <div className="ml-auto flex shrink-0 items-center gap-2 sm:gap-4">
            {me.orgIsDemo ? (
              <Badge tone="warning" title="This organisation holds synthetic demo data" data-testid="demo-badge">
                Demo data
              </Badge>
            ) : null}
            <div className="hidden text-right leading-tight sm:block" data-testid="viewer">
              <p className="text-sm font-medium text-slate-900">{me.name}</p>
              <p className="hidden text-xs text-slate-500 2xl:block">
                {roleLabel[me.role]} · {me.orgName}
              </p>
            </div>
            <Link
              href="/account/security"
              aria-label="Account security"
              title="Account security: two-step verification, signed-in devices, sign out everywhere"
              className={buttonClasses({ variant: "ghost", size: "sm" })}
            >
              <ShieldCheck />
            </Link>
            <form action={signOutAction}>
              <Button type="submit" variant="ghost" size="sm" aria-label="Sign out" title="Sign out">
                <LogOut />
                <span className="hidden 2xl:inline">Sign out</span>
              </Button>
            </form>
          </div>
        </div>
        <div className="border-t border-slate-100 bg-slate-50/80">
          <div
            className="mx-auto flex h-8 max-w-7xl items-center gap-1.5 px-4 text-xs text-slate-500 sm:px-6"
            data-testid="territories"
          >
            <MapPin className="size-3.5 text-slate-400" aria-hidden />
            <span className="sr-only">Your territories:</span>
            {territorySummary(me)}
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">{children}</main>
      <Toaster />
    </div>
  );
}
