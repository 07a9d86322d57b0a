// getPhysicianProfile: the HCP 360 page condensed. Public reference data (identity, specialties, prescribing,
// payments) for any physician; the org's own records (calls, consent, tasks) only as far as the viewer's scope
// reaches — hcpProfile applies the scope, this tool only trims.
import { tool } from "ai";
import { z } from "zod";

import { hcpProfile, npiInput, plainText, type FigureSource } from "@pharmacrm/domain";

import {
  hcpLink,
  inputSchemaOf,
  isoDay,
  orFailure,
  referenceSources,
  scopeOf,
  type ToolContext,
  type ToolFailure,
} from "./result";

export const getPhysicianProfileInput = z.object({
  npi: npiInput.shape.npi.describe("The physician's 10-digit NPI."),
  drug: plainText("The drug name")
    .min(2)
    .max(100)
    .optional()
    .describe("A drug (brand or generic) whose Part D claims by year to report, e.g. Eliquis."),
});

const TOP_DRUGS = 5;
const TOP_MANUFACTURERS = 5;
const LAST_INTERACTIONS = 3;

export interface PhysicianProfile {
  status: "ok";
  npi: string;
  name: string;
  credential: string | null;
  specialties: { code: string; name: string | null; primary: boolean }[];
  practice: { address: string | null; city: string | null; state: string | null; zip5: string | null };
  inMyTerritories: boolean;
  /** The latest Part D year's top drugs, with the year before for trend. */
  /** The claims of the drug asked about, by Part D year (oldest first); null when no drug was asked about. */
  drugTrend: { drug: string; years: { year: number; claims: number; source: FigureSource }[] } | null;
  topDrugs: {
    brandName: string;
    genericName: string;
    claims: number;
    priorClaims: number | null;
    change: number | null;
    isOwn: boolean;
    source: FigureSource;
  }[];
  markets: {
    name: string;
    marketClaims: number;
    ownClaims: number;
    share: number | null;
    marketClaimsChange: number | null;
    source: FigureSource;
  }[];
  payments: {
    total: number;
    records: number;
    byManufacturer: { manufacturer: string; amount: number; records: number }[];
    source: FigureSource;
  };
  lastInteractions: {
    date: string;
    channel: string;
    by: string;
    notes: string | null;
    products: string[];
    source: FigureSource;
  }[];
  consent: { channel: string; product: string | null; status: string; recordedAt: string; source: FigureSource }[];
  openTasks: { id: string; title: string; dueDate: string | null; owner: string; source: FigureSource }[];
  link: string;
}

export type GetPhysicianProfileOutput = PhysicianProfile | ToolFailure;

const clip = (text: string | null, max = 280) => (text && text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function getPhysicianProfileTool(ctx: ToolContext) {
  return tool({
    description:
      "The 360 view of one physician by NPI, condensed: identity, specialties, top Part D drugs with trend, market share, Open Payments by manufacturer, the rep's last interactions, consent and open tasks. Every figure names its source.",
    inputSchema: inputSchemaOf(getPhysicianProfileInput),
    execute: async ({ npi, drug }): Promise<GetPhysicianProfileOutput> =>
      orFailure(async () => {
        const p = await hcpProfile(ctx.db, await scopeOf(ctx), npi);
        const [partD, payments] = await referenceSources(ctx.db, ["part_d", "open_payments"]);
        const latest = p.prescribing.years.at(-1) ?? null;
        const rx = (year: number): FigureSource => ({
          table: "part_d_prescribing",
          period: String(year),
          release: partD!.period === String(year) ? partD!.release : null,
        });
        const topDrugs = p.prescribing.rows
          .filter((r) => r.year === latest)
          .sort((a, b) => b.claims - a.claims)
          .slice(0, TOP_DRUGS)
          .map((r) => {
            const prior = p.prescribing.rows.find(
              (x) => x.year === r.year - 1 && x.brandName === r.brandName && x.genericName === r.genericName,
            );
            return {
              brandName: r.brandName,
              genericName: r.genericName,
              claims: r.claims,
              priorClaims: prior?.claims ?? null,
              change: prior ? Math.round(((r.claims - prior.claims) / prior.claims) * 1000) / 1000 : null,
              isOwn: r.isOwn,
              source: rx(r.year),
            };
          });
        const markets = p.prescribing.markets.flatMap((m) => {
          const y = m.years.at(-1);
          return y && y.marketClaims > 0
            ? [
                {
                  name: m.name,
                  marketClaims: y.marketClaims,
                  ownClaims: y.ownClaims,
                  share: y.share,
                  marketClaimsChange: y.marketClaimsChange,
                  source: rx(y.year),
                },
              ]
            : [];
        });
        const wanted = drug?.toLowerCase();
        const asked = wanted
          ? p.prescribing.rows.filter(
              (r) => r.brandName.toLowerCase() === wanted || r.genericName.toLowerCase() === wanted,
            )
          : [];
        const drugTrend = drug
          ? {
              drug,
              years: [...new Set(asked.map((r) => r.year))]
                .sort((a, b) => a - b)
                .map((year) => ({
                  year,
                  claims: asked.filter((r) => r.year === year).reduce((sum, r) => sum + r.claims, 0),
                  source: rx(year),
                })),
            }
          : null;
        const years = p.payments.byYear.map((y) => y.year);
        const paymentSource: FigureSource = {
          table: "open_payment",
          period: years.length ? (years[0] === years.at(-1) ? String(years[0]) : `${years[0]}–${years.at(-1)}`) : null,
          release: payments!.release,
        };
        return {
          status: "ok" as const,
          npi,
          name: p.hcp.name,
          credential: p.hcp.credential,
          specialties: p.taxonomies.map((t) => ({
            code: t.code,
            name: t.specialization ?? t.classification ?? t.displayName,
            primary: t.isPrimary,
          })),
          practice: {
            address: p.hcp.practiceLine1,
            city: p.hcp.practiceCity,
            state: p.hcp.practiceState,
            zip5: p.hcp.practiceZip5,
          },
          inMyTerritories: p.inMyTerritories,
          drugTrend,
          topDrugs,
          markets,
          payments: {
            total: p.payments.total.amount,
            records: p.payments.total.records,
            byManufacturer: p.payments.byManufacturer.slice(0, TOP_MANUFACTURERS),
            source: paymentSource,
          },
          lastInteractions: p.interactions.slice(0, LAST_INTERACTIONS).map((i) => ({
            date: isoDay(i.occurredAt),
            channel: i.channel,
            by: i.ownerName,
            notes: clip(i.notes),
            products: i.products,
            source: { table: "interaction", period: isoDay(i.occurredAt), release: null },
          })),
          consent: p.consent.map((c) => ({
            channel: c.channel,
            product: c.product,
            status: c.status,
            recordedAt: isoDay(c.recordedAt),
            source: { table: "consent_record", period: isoDay(c.recordedAt), release: null },
          })),
          openTasks: p.openTasks.map((t) => ({
            id: t.id,
            title: t.title,
            dueDate: t.dueDate,
            owner: t.ownerName,
            source: { table: "task", period: t.dueDate, release: null },
          })),
          link: hcpLink(npi),
        };
      }),
  });
}
