"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Fragment } from "react";

import { cn } from "@pharmacrm/ui";

import { navItemsFor, type NavViewer } from "./nav-items";

export function NavLinks({ viewer }: { viewer: NavViewer }) {
  const pathname = usePathname();
  const items = navItemsFor(viewer);
  const withTools = items.some((item) => item.audience !== "everyone");
  return (
    // Below 1280 px the links show their icons only (the label stays their accessible name and tooltip): seven labelled
    // links fit the header only from there — from 1800 px for an admin, whose nine tools follow as icons (at every
    // width, after a divider). They scroll sideways on a phone.
    <nav aria-label="Main" className="flex min-w-0 items-center gap-1 overflow-x-auto">
      {items.map(({ href, label, icon: Icon, audience }, i, shown) => {
        const active = pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
        const adminTool = audience !== "everyone";
        const firstAdmin = adminTool && shown[i - 1]?.audience === "everyone";
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
                adminTool ? undefined : "xl:px-2",
                active ? "bg-brand-50 text-brand-800" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {adminTool ? null : (
                <span className={withTools ? "hidden min-[1800px]:inline" : "hidden xl:inline"}>{label}</span>
              )}
            </Link>
          </Fragment>
        );
      })}
    </nav>
  );
}
