"use client";

// Next and previous record: My accounts remembers the page of accounts a physician was opened from (this tab only),
// and the physician's page offers the ones before and after it, and the way back to the same list.
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useSyncExternalStore } from "react";

const KEY = "pharmacrm.accountTrail";

interface Trail {
  /** The list's address (filters, sort, page) to return to. */
  list: string;
  accounts: { npi: string; name: string }[];
}

export function rememberAccountTrail(trail: Trail) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(trail));
  } catch {
    // Storage full or refused (private mode): the page simply offers no next/previous.
  }
}

const read = () => {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
};

function parse(raw: string | null): Trail | null {
  try {
    const trail = raw ? (JSON.parse(raw) as Trail) : null;
    return trail && typeof trail.list === "string" && Array.isArray(trail.accounts) ? trail : null;
  } catch {
    return null;
  }
}

export function AccountTrail({ npi }: { npi: string }) {
  const raw = useSyncExternalStore(
    () => () => {},
    read,
    () => null,
  );
  const trail = parse(raw);
  const at = trail?.accounts.findIndex((a) => a.npi === npi) ?? -1;
  if (!trail || at < 0 || !trail.list.startsWith("/accounts")) return null;
  const previous = trail.accounts[at - 1];
  const next = trail.accounts[at + 1];
  const link = "inline-flex items-center gap-1 text-xs font-medium text-slate-500 hover:text-slate-900";
  return (
    <nav aria-label="Accounts" className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <Link href={trail.list} className={link}>
        <ChevronLeft className="size-3.5" aria-hidden /> My accounts
      </Link>
      <span className="text-xs text-slate-400">
        {at + 1} of {trail.accounts.length} on that page
      </span>
      {previous ? (
        <Link href={`/physicians/${previous.npi}`} className={link} aria-label={`Previous account: ${previous.name}`}>
          <ChevronLeft className="size-3.5" aria-hidden /> {previous.name}
        </Link>
      ) : null}
      {next ? (
        <Link href={`/physicians/${next.npi}`} className={link} aria-label={`Next account: ${next.name}`}>
          {next.name} <ChevronRight className="size-3.5" aria-hidden />
        </Link>
      ) : null}
    </nav>
  );
}
