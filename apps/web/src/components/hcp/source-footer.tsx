import { Database } from "lucide-react";
import { Badge, CardFooter } from "@pharmacrm/ui";
import type { HcpProfile } from "./types";

/** Where a section's facts come from: the public NPPES registry … */
export function NppesSource({ source }: { source: HcpProfile["source"] }) {
  return (
    <CardFooter data-testid="source-nppes" title={source ? `Source file: ${source.sourceFile}` : undefined}>
      <Database className="size-3.5 shrink-0 text-slate-400" aria-hidden />
      <span className="min-w-0">
        <span className="sr-only">Source: </span>NPPES · release {source?.release ?? "unknown"}
      </span>
      {source?.isDemo ? <DemoMarker /> : null}
    </CardFooter>
  );
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
    <Badge tone="warning" className="ml-auto" title="Synthetic data generated for the demo">
      Demo data
    </Badge>
  );
}
