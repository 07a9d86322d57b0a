"use client";

import { useQuery } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { TriangleAlert } from "lucide-react";
import { useState } from "react";

import { Alert, Card, ErrorState, Skeleton } from "@pharmacrm/ui";

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
      {library.isError && !library.data ? (
        <Card>
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not load the compliance library"
            message={messageOf(library.error)}
            onRetry={() => void library.refetch()}
          />
        </Card>
      ) : library.isPending ? (
        <Card className="space-y-2 p-4" role="status">
          <span className="sr-only">Loading the compliance library…</span>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </Card>
      ) : (
        <>
          <TryCheckCard products={library.data.products} />
          {library.data.products.map((p) => (
            <ProductClaimsCard key={p.id} product={p} onDone={setNotice} />
          ))}
          <BannedPhrasesCard banned={library.data.banned} builtIn={library.data.builtIn} onDone={setNotice} />
        </>
      )}
    </div>
  );
}
