import {
  Badge,
  Card,
  CardHeader,
  CardTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import { NppesSource } from "./source-footer";
import type { HcpProfile } from "./types";

export function TaxonomiesCard({ profile }: { profile: HcpProfile }) {
  return (
    <Card aria-labelledby="taxonomies-title" data-testid="taxonomies">
      <CardHeader>
        <CardTitle id="taxonomies-title">Specialties &amp; licences</CardTitle>
      </CardHeader>
      {profile.taxonomies.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">No taxonomy reported to NPPES.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Specialty</TableHead>
              <TableHead>Taxonomy</TableHead>
              <TableHead>Licence</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {profile.taxonomies.map((t) => (
              <TableRow key={`${t.code}-${t.licenseNumber ?? ""}-${t.licenseState ?? ""}`}>
                <TableCell>
                  <div className="flex items-center gap-2">
                    <span className="text-slate-900">{t.classification ?? t.displayName ?? "Unknown taxonomy"}</span>
                    {t.isPrimary ? <Badge tone="brand">Primary</Badge> : null}
                  </div>
                  {t.specialization ? <div className="text-xs text-slate-500">{t.specialization}</div> : null}
                </TableCell>
                <TableCell className="font-mono text-xs text-slate-500">{t.code}</TableCell>
                <TableCell className="text-sm">
                  {t.licenseNumber ? (
                    <>
                      <span className="font-mono text-xs">{t.licenseNumber}</span>
                      {t.licenseState ? <span className="ml-1.5 text-slate-500">{t.licenseState}</span> : null}
                    </>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <NppesSource runs={profile.sources.nppes} />
    </Card>
  );
}
