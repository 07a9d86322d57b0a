import { formatCalendarDate, formatPhone, formatPlaceName } from "~/lib/format";
import type { ReactNode } from "react";

import { Card, CardContent, CardHeader, CardTitle } from "@pharmacrm/ui";

import { isDeactivated } from "./hcp-header";
import { NppesSource } from "./source-footer";
import type { HcpProfile } from "./types";

const sexLabel: Record<string, string> = { M: "Male", F: "Female", X: "Unspecified" };

export function IdentityCard({ profile }: { profile: HcpProfile }) {
  const { hcp } = profile;
  const fullName = [formatPlaceName(hcp.namePrefix), hcp.name, formatPlaceName(hcp.nameSuffix)]
    .filter(Boolean)
    .join(" ");
  const rows: [string, ReactNode][] = [
    ["Name", fullName],
    ["Credential", hcp.credential ?? "—"],
    [
      "NPI",
      <span key="npi" className="font-mono">
        {hcp.npi}
      </span>,
    ],
    ["Sex", hcp.sex ? (sexLabel[hcp.sex] ?? hcp.sex) : "—"],
    ["Enumerated", formatCalendarDate(hcp.enumerationDate)],
    ["Last updated", formatCalendarDate(hcp.lastUpdateDate)],
    [
      "Status",
      isDeactivated(hcp) ? (
        <span key="s" className="font-medium text-red-700">
          Deactivated {formatCalendarDate(hcp.deactivationDate)}
        </span>
      ) : (
        "Active"
      ),
    ],
    ["Phone", formatPhone(hcp.practicePhone) ?? "—"],
  ];
  return (
    <Card aria-labelledby="identity-title" data-testid="identity" id="identity" className="scroll-mt-28">
      <CardHeader>
        <CardTitle id="identity-title">Identity</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-slate-500">{term}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
      <NppesSource runs={profile.sources.nppes} />
    </Card>
  );
}
