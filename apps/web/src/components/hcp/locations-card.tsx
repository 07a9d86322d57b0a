import { formatPhone, formatPlaceName, formatPostalCode } from "~/lib/format";
import { MapPinOff } from "lucide-react";

import { Badge, Card, CardDescription, CardHeader, CardTitle } from "@pharmacrm/ui";

import type { MapPoint } from "./locations-map";
import { LocationsMapLoader } from "./locations-map-loader";
import { DatasetSource, NppesSource } from "./source-footer";
import type { HcpIdentity, HcpLocation, HcpProfile } from "./types";

type AddressLike = Pick<HcpLocation, "line1" | "line2" | "city" | "state" | "postalCode">;

function addressLines(a: AddressLike): string[] {
  const cityLine = [formatPlaceName(a.city), [a.state, formatPostalCode(a.postalCode)].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return [formatPlaceName(a.line1), formatPlaceName(a.line2), cityLine].filter(Boolean);
}

const titleOf = (l: HcpLocation) => (l.kind === "primary" ? "Primary practice location" : "Other practice location");

/** Why an address has no point: the reader should know it exists but could not be placed. */
const unplacedReason = (l: HcpLocation) =>
  l.countryCode && l.countryCode !== "US"
    ? "not on map: address outside the US"
    : l.zip5
      ? "not on map: ZIP not found"
      : "not on map: no ZIP code";

function mapPoints(locations: HcpLocation[]): MapPoint[] {
  const byPoint = new Map<string, MapPoint>();
  for (const l of locations) {
    if (!l.point) continue;
    const key = `${l.point.lat},${l.point.lng}`;
    const point = byPoint.get(key) ?? { ...l.point, labels: [], primary: false };
    point.labels.push({ title: titleOf(l), lines: addressLines(l) });
    point.primary ||= l.kind === "primary";
    byPoint.set(key, point);
  }
  return [...byPoint.values()];
}

function mailingOf(h: HcpIdentity): AddressLike {
  return {
    line1: h.mailingLine1,
    line2: h.mailingLine2,
    city: h.mailingCity,
    state: h.mailingState,
    postalCode: h.mailingPostalCode,
  };
}

export function LocationsCard({ profile }: { profile: HcpProfile }) {
  const { locations, sources } = profile;
  const points = mapPoints(locations);
  const mailing = addressLines(mailingOf(profile.hcp));
  const primary = addressLines(locations[0]!);
  return (
    <Card aria-labelledby="locations-title" data-testid="locations" id="locations" className="scroll-mt-28">
      <CardHeader className="block">
        <CardTitle id="locations-title">Practice locations</CardTitle>
        <CardDescription>
          NPPES practice address and secondary practice locations, each located by ZIP centroid.
        </CardDescription>
      </CardHeader>
      <div className="px-4 pt-3">
        {points.length > 0 ? (
          <LocationsMapLoader points={points} />
        ) : (
          <div className="flex h-24 items-center justify-center gap-2 rounded-md border border-dashed border-slate-200 text-sm text-slate-500">
            <MapPinOff className="size-4" aria-hidden /> None of these addresses could be placed on the map.
          </div>
        )}
      </div>
      <ul className="divide-y divide-slate-100 px-4 py-2" data-testid="location-list">
        {locations.map((l, i) => (
          <li key={i} className="py-2 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">{titleOf(l)}</span>
              {l.point ? (
                <Badge tone="neutral">Located by ZIP centroid</Badge>
              ) : (
                <Badge tone="warning">{unplacedReason(l)}</Badge>
              )}
            </div>
            {addressLines(l).length > 0 ? (
              <address className="mt-1 leading-relaxed text-slate-900 not-italic">
                {addressLines(l).map((line) => (
                  <div key={line}>{line}</div>
                ))}
                {formatPhone(l.phone) ? <div className="text-slate-500">{formatPhone(l.phone)}</div> : null}
              </address>
            ) : (
              <p className="mt-1 text-slate-400">Not reported</p>
            )}
          </li>
        ))}
        <li className="py-2 text-sm">
          <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">Mailing</span>
          <address className="mt-1 leading-relaxed text-slate-900 not-italic">
            {mailing.length === 0 ? (
              <span className="text-slate-400">Not reported</span>
            ) : mailing.join("|") === primary.join("|") ? (
              <span className="text-slate-500">Same as primary practice location</span>
            ) : (
              mailing.map((line) => <div key={line}>{line}</div>)
            )}
          </address>
        </li>
      </ul>
      <NppesSource runs={sources.nppes} />
      <DatasetSource
        dataset="NPPES secondary practice locations"
        runs={sources.nppes_practice_location}
        testId="source-nppes-locations"
      />
      <DatasetSource dataset="ZIP centroids" runs={sources.zip_centroids} testId="source-zip-centroids" />
    </Card>
  );
}
