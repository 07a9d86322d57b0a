"use client";

import { Building2, Database, History, ScrollText, Sparkles, Stethoscope, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
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
    // On a phone the links show their icons only (the label stays their accessible name) and scroll sideways.
    <nav aria-label="Main" className="flex min-w-0 items-center gap-1 overflow-x-auto">
      {links.filter((link) => isAdmin || !link.adminOnly).map(({ href, label, icon: Icon }) => {
        const active = pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            aria-label={label}
            title={label}
            className={cn(
              "inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md px-2 text-sm font-medium transition-colors md:px-2.5",
              active ? "bg-brand-50 text-brand-800" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            <Icon className="size-4" aria-hidden />
            <span className="hidden md:inline">{label}</span>
          </Link>
        );
      })}
    </nav>
  );
}
