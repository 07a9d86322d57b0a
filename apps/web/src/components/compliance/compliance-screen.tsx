"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "~/components/query-state";
import { useTRPC } from "~/trpc/react";

import "lucide-react";

import { useState } from "react";

import { Alert } from "@pharmacrm/ui";

import { BannedPhrasesCard } from "./banned-phrases";
import { ProductClaimsCard } from "./product-claims";
import { TryCheckCard } from "./try-check";

export type Notice = { tone: "success" | "danger"; text: string };

/** What reps and the copilot may say: each product's approved claims and the org's banned phrases. */
export function ComplianceScreen() {
  const trpc = useTRPC();
  const library = useQuery(trpc.compliance.library.queryOptions());
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Compliance library</h1>
        <p className="mt-1 text-sm text-slate-500">
          The approved claims reps and the copilot may quote word for word, per product, and the phrases no message may
          use. The copilot&apos;s drafts and call briefs are checked against them as they stand. A claim is added or
          withdrawn, never edited. Every change is in the audit trail.
        </p>
      </div>
      {notice ? (
        <Alert tone={notice.tone} data-testid="compliance-notice">
          {notice.text}
        </Alert>
      ) : null}
      <QueryState query={library} what="the compliance library" rows={4}>
        {(data) => (
          <>
            <TryCheckCard products={data.products} />
            {data.products.map((p) => (
              <ProductClaimsCard key={p.id} product={p} onDone={setNotice} />
            ))}
            <BannedPhrasesCard banned={data.banned} builtIn={data.builtIn} onDone={setNotice} />
          </>
        )}
      </QueryState>
    </div>
  );
}
