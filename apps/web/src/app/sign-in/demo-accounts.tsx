"use client";

import { useFormStatus } from "react-dom";

import { Badge } from "@pharmacrm/ui";

export interface DemoAccount {
  email: string;
  role: string;
  org: string;
  /** Territory (reps), region (managers), the whole org (admins), or what a platform operator does. */
  scope: string;
}

interface DemoAccountsProps {
  accounts: readonly DemoAccount[];
  password: string;
  callbackUrl: string;
  action: (formData: FormData) => void;
}

/** One-click sign-in as each seeded demo user; shown only while those users exist in the database. */
export function DemoAccounts({ accounts, password, callbackUrl, action }: DemoAccountsProps) {
  return (
    <section aria-label="Demo accounts" className="space-y-2">
      <h2 className="text-xs font-medium tracking-wide text-slate-500 uppercase">
        Demo accounts <span className="font-normal normal-case">· password {password}</span>
      </h2>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {accounts.map((account) => (
          <li key={account.email}>
            <form action={action}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <input type="hidden" name="email" value={account.email} />
              <input type="hidden" name="password" value={password} />
              <DemoAccountButton account={account} />
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DemoAccountButton({ account }: { account: DemoAccount }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={`Sign in as ${account.email}`}
      className="flex w-full items-center gap-2 px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none disabled:opacity-60"
    >
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-slate-800">{account.email}</span>
        <span className="block truncate text-xs text-slate-500">
          {account.org} · {account.scope}
        </span>
      </span>
      <Badge>{account.role}</Badge>
    </button>
  );
}
