import { LocalDateTime } from "~/components/local-time";
import { Database } from "lucide-react";
import type { ReactNode } from "react";

import { Badge, CardFooter } from "@pharmacrm/ui";

import { releasesLabel } from "./source-releases";
import type { SourceRun } from "./types";

/** Where a section's public reference data comes from: dataset, release(s), load time and file. */
export function DatasetSource({
  dataset,
  runs,
  testId,
  children,
}: {
  dataset: string;
  runs: SourceRun[];
  testId: string;
  children?: ReactNode;
}) {
  const latest = runs.reduce<Date | null>(
    (max, r) => (r.loadedAt && (!max || r.loadedAt > max) ? r.loadedAt : max),
    null,
  );
  return (
    <CardFooter
      data-testid={testId}
      title={
        runs.length > 0
          ? `Source file${runs.length > 1 ? "s" : ""}: ${runs.map((r) => r.sourceFile).join(", ")}`
          : undefined
      }
    >
      <Database className="size-3.5 shrink-0 text-slate-400" aria-hidden />
      <span className="min-w-0">
        <span className="sr-only">Source: </span>
        {dataset} ·{" "}
        {runs.length === 0 ? (
          "not loaded yet"
        ) : (
          <>
            {runs.length > 1 ? "releases" : "release"} {releasesLabel(runs)}
            {latest ? (
              <>
                {" "}
                · loaded <LocalDateTime value={latest} withTime={false} />
              </>
            ) : null}
          </>
        )}
        {children}
      </span>
      {runs.some((r) => r.isDemo) ? <DemoMarker /> : null}
    </CardFooter>
  );
}

/** The public NPPES registry (identity, taxonomies, addresses). */
export function NppesSource({ runs }: { runs: SourceRun[] }) {
  return <DatasetSource dataset="NPPES" runs={runs} testId="source-nppes" />;
}

/** … or the organisation's own CRM records, limited to what the viewer may see. */
export function TenantSource({ orgName, isDemo }: { orgName: string; isDemo: boolean }) {
  return (
    <CardFooter data-testid="source-tenant">
      <Database className="size-3.5 shrink-0 text-slate-400" aria-hidden />
      <span className="min-w-0">
        <span className="sr-only">Source: </span>
        {orgName} CRM · your scope
      </span>
      {isDemo ? <DemoMarker /> : null}
    </CardFooter>
  );
}

function DemoMarker() {
  return (
    <Badge tone="warning" className="ml-auto shrink-0" title="Synthetic data generated for the demo">
      Demo data
    </Badge>
  );
}
