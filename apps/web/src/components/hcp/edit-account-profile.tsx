"use client";

import { useQuery } from "@tanstack/react-query";
import { AccountEditor, type EditableAccount } from "~/components/accounts/account-editor";
import { useTRPC } from "~/trpc/react";
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@pharmacrm/ui";

/** The account profile's Edit: the same editor as My accounts; the page redraws once a change (or its undo) lands. */
export function EditAccountProfile({ account }: { account: EditableAccount }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const vocabulary = useQuery({ ...trpc.hcp.accountVocabulary.queryOptions(), enabled: open, staleTime: 60_000 });
  if (!open)
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        <Pencil aria-hidden /> Edit account profile
      </Button>
    );
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <AccountEditor
        account={account}
        vocabulary={vocabulary.data}
        onDone={() => setOpen(false)}
        onChanged={() => router.refresh()}
        narrow
      />
    </div>
  );
}
