"use client";

import { TriangleAlert } from "lucide-react";
import Link from "next/link";

import { Card, ErrorState } from "@pharmacrm/ui";

// Server errors arrive here without their message (Next strips it in production); the digest matches the log.
export default function HcpError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <Card>
      <ErrorState
        icon={<TriangleAlert />}
        title="We couldn't load this physician"
        message={
          <>
            Please try again. If it keeps happening, go back to the{" "}
            <Link href="/physicians" className="text-brand-700 underline">
              physician list
            </Link>
            .{digest ? <span className="mt-2 block font-mono text-xs text-slate-400">Reference {digest}</span> : null}
          </>
        }
        onRetry={retry}
      />
    </Card>
  );
}
