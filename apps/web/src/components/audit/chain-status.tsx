"use client";

import { useQuery } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { Link2, Link2Off, RefreshCw } from "lucide-react";

import { Alert, Button, Skeleton } from "@pharmacrm/ui";

/** Whether the org's audit hash chain still holds, recomputed on demand. */
export function ChainStatus() {
  const trpc = useTRPC();
  const verify = useQuery(trpc.audit.verify.queryOptions(undefined, { staleTime: 60_000 }));
  const recheck = (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => void verify.refetch()}
      disabled={verify.isFetching}
      aria-label="Verify the chain again"
    >
      <RefreshCw aria-hidden className={verify.isFetching ? "animate-spin" : undefined} /> Verify again
    </Button>
  );
  if (verify.isPending) return <Skeleton className="h-12 w-full" aria-label="Verifying the audit chain" />;
  if (verify.isError) {
    return (
      <Alert tone="warning" title="Could not verify the audit chain">
        <div className="flex flex-wrap items-center gap-2">
          {messageOf(verify.error)} {recheck}
        </div>
      </Alert>
    );
  }
  const { intact, message, headHash } = verify.data;
  return (
    <Alert
      tone={intact ? "success" : "danger"}
      icon={intact ? <Link2 aria-hidden /> : <Link2Off aria-hidden />}
      title={message}
      data-testid="audit-chain-status"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        {intact ? (
          <span>
            Every event is numbered without gaps and sealed with the hash of the one before.
            {headHash ? (
              <>
                {" "}
                Newest hash: <code className="font-mono break-all">{headHash}</code>
              </>
            ) : null}
          </span>
        ) : (
          <span>
            An event was changed or removed outside the app. The events before the broken link are unaffected; tell your
            security officer.
          </span>
        )}
        {recheck}
      </div>
    </Alert>
  );
}
