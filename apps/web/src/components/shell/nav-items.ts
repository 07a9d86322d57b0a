// The header's links and who sees each: everyone, org admins, or org admins and platform operators. The Data screen
// serves a platform operator whatever their role in their own org (its pages and the data router check the same),
// so its link does too.
import {
  BadgeCheck,
  BarChart3,
  Building2,
  ClipboardList,
  Contact,
  Database,
  History,
  ListTodo,
  MapPinned,
  PhoneCall,
  Pill,
  ScrollText,
  Sparkles,
  Stethoscope,
  Users,
  type LucideIcon,
} from "lucide-react";

import type { Viewer } from "@pharmacrm/domain";

export type NavAudience = "everyone" | "admins" | "admins and operators";

// Only screens that work today.
export const navItems = [
  { href: "/", label: "Copilot", icon: Sparkles, audience: "everyone" },
  { href: "/accounts", label: "Accounts", icon: Contact, audience: "everyone" },
  { href: "/physicians", label: "Physicians", icon: Stethoscope, audience: "everyone" },
  { href: "/organizations", label: "Organisations", icon: Building2, audience: "everyone" },
  { href: "/calls", label: "Calls", icon: PhoneCall, audience: "everyone" },
  { href: "/tasks", label: "Tasks", icon: ListTodo, audience: "everyone" },
  { href: "/call-plans", label: "Call plans", icon: ClipboardList, audience: "everyone" },
  { href: "/analytics", label: "Analytics", icon: BarChart3, audience: "everyone" },
  { href: "/admin/data", label: "Data", icon: Database, audience: "admins and operators" },
  { href: "/admin/copilot", label: "Copilot audit", icon: ScrollText, audience: "admins" },
  { href: "/admin/audit", label: "Audit trail", icon: History, audience: "admins" },
  { href: "/admin/users", label: "Users", icon: Users, audience: "admins" },
  { href: "/admin/products", label: "Products", icon: Pill, audience: "admins" },
  { href: "/admin/territories", label: "Territories", icon: MapPinned, audience: "admins" },
  { href: "/admin/compliance", label: "Compliance", icon: BadgeCheck, audience: "admins" },
] as const satisfies readonly { href: string; label: string; icon: LucideIcon; audience: NavAudience }[];

export type NavItem = (typeof navItems)[number];

/** What the header needs to know about its viewer. */
export type NavViewer = Pick<Viewer, "role" | "platformOperator">;

const sees = (viewer: NavViewer, audience: NavAudience): boolean =>
  audience === "everyone" ||
  viewer.role === "admin" ||
  (audience === "admins and operators" && viewer.platformOperator);

/** The links this viewer's header shows, in order. */
export const navItemsFor = (viewer: NavViewer): NavItem[] => navItems.filter((item) => sees(viewer, item.audience));
