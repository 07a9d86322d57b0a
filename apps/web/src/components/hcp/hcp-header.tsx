import { formatCalendarDate, formatPlaceName } from "~/lib/format";
import { Ban, MapPin } from "lucide-react";

import { Badge } from "@pharmacrm/ui";

import type { HcpProfile } from "./types";

export function HcpHeader({ profile, showTerritory }: { profile: HcpProfile; showTerritory: boolean }) {
  const { hcp, taxonomies } = profile;
  const primary = taxonomies.find((t) => t.isPrimary) ?? taxonomies[0];
  const deactivated = isDeactivated(hcp);
  const place = [formatPlaceName(hcp.practiceCity), hcp.practiceState].filter(Boolean).join(", ");
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900" data-testid="hcp-name">
          {hcp.name}
          {hcp.credential ? <span className="ml-2 text-base font-normal text-slate-500">{hcp.credential}</span> : null}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          {primary?.classification ? (
            <span>
              {primary.classification}
              {primary.specialization ? <span className="text-slate-400"> · {primary.specialization}</span> : null}
            </span>
          ) : null}
          {place ? (
            <span className="inline-flex items-center gap-1 text-slate-500">
              <MapPin className="size-3.5" aria-hidden />
              {place}
            </span>
          ) : null}
          <span className="font-mono text-xs text-slate-500">NPI {hcp.npi}</span>
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {deactivated ? (
          <Badge tone="danger">
            <Ban aria-hidden /> Deactivated {formatCalendarDate(hcp.deactivationDate)}
          </Badge>
        ) : null}
        {showTerritory && profile.inMyTerritories ? (
          <Badge tone="brand">
            <MapPin aria-hidden /> In your territory
          </Badge>
        ) : null}
        {showTerritory && !profile.inMyTerritories ? <Badge tone="neutral">Outside your territories</Badge> : null}
      </div>
    </div>
  );
}

export function isDeactivated(hcp: { deactivationDate: string | null; reactivationDate: string | null }): boolean {
  if (!hcp.deactivationDate) return false;
  return !hcp.reactivationDate || hcp.reactivationDate < hcp.deactivationDate;
}
