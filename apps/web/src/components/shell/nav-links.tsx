"use client";

import { Building2, Database, History, ScrollText, Sparkles, Stethoscope, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Fragment } from "react";
import { cn } from "@pharmacrm/ui";

// Only screens that work today; tasks and reports join as they ship.
const links = [
  { href: "/", label: "Copilot", icon: Sparkles, adminOnly: false },
  { href: "/physicians", label: "Physicians", icon: Stethoscope, adminOnly: false },
  { href: "/organizations", label: "Organisations", icon: Building2, adminOnly: false },
  { href: "/admin/data", label: "Data", icon: Database, adminOnly: true },
  { href: "/admin/copilot", label: "Copilot audit", icon: ScrollText, adminOnly: true },
  { href: "/admin/audit", label: "Audit trail", icon: History, adminOnly: true },
  { href: "/admin/users", label: "Users", icon: Users, adminOnly: true },
] as const;

export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    // On a phone the links show their icons only (the label stays their accessible name) and scroll sideways. The
    // admin tools are icons at every width, after a divider: with their labels, seven links overflow the header even
    // at its widest (max-w-7xl); the label is the tooltip and the accessible name.
    <nav aria-label="Main" className="flex min-w-0 items-center gap-1 overflow-x-auto">
      {links.filter((link) => isAdmin || !link.adminOnly).map(({ href, label, icon: Icon, adminOnly }, i, shown) => {
        const active = pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
        const firstAdmin = adminOnly && !shown[i - 1]?.adminOnly;
        return (
          <Fragment key={href}>
            {firstAdmin ? <span aria-hidden className="mx-1 h-5 w-px shrink-0 bg-slate-200" /> : null}
            <Link
              href={href}
              aria-current={active ? "page" : undefined}
              aria-label={label}
              title={label}
              className={cn(
                "inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md px-2 text-sm font-medium transition-colors",
                adminOnly ? undefined : "md:px-2.5",
                active ? "bg-brand-50 text-brand-800" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {adminOnly ? null : <span className="hidden md:inline">{label}</span>}
            </Link>
          </Fragment>
        );
      })}
    </nav>
  );
}
