"use client";

import { TriangleAlert } from "lucide-react";

import { ErrorState } from "@pharmacrm/ui";

// Anything a page or the signed-in layout could not render. The message stays generic; the digest matches the log.
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <main className="flex min-h-dvh items-center justify-center px-6">
      <ErrorState
        icon={<TriangleAlert />}
        title="PharmaCRM could not load this page"
        message={
          <>
            Please try again in a moment.
            {digest ? <span className="mt-2 block font-mono text-xs text-slate-400">Reference {digest}</span> : null}
          </>
        }
        onRetry={retry}
      />
    </main>
  );
}
