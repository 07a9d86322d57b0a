// What a call report must satisfy to be submitted (and so locked), as one pure function over the facts the database
// supplies. Each problem names the form field it belongs to, so the form shows it there.
import type { CallReport } from "./input";

export interface SubmitFacts {
  now: Date;
  /** The org's back-dating limit in days; null = none. */
  backdateDays: number | null;
  products: Map<
    string,
    {
      name: string;
      active: boolean;
      sampleable: boolean;
      limitPerCall: number | null;
      limitPerYear: number | null;
      /** Units of it already given to this physician in the call's calendar year (submitted calls). */
      givenThisYear: number;
    }
  >;
  /** The rep's stock per `${productId}|${lotNumber}`. */
  lots: Map<string, { balance: number; expiresOn: string | null }>;
  /** The physician's NPPES licence in the practice address's state. */
  licence: { state: string | null; licensed: boolean } | null;
}

export interface SubmitProblem {
  field: string;
  message: string;
}

const DAY_MS = 24 * 60 * 60_000;
export const lotKey = (productId: string, lotNumber: string) => `${productId}|${lotNumber.toUpperCase()}`;

export function submitProblems(report: CallReport, facts: SubmitFacts): SubmitProblem[] {
  const problems: SubmitProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (report.occurredAt.getTime() > facts.now.getTime() + 5 * 60_000)
    add("occurredAt", "A call cannot be in the future.");
  if (facts.backdateDays !== null && facts.now.getTime() - report.occurredAt.getTime() > facts.backdateDays * DAY_MS)
    add(
      "occurredAt",
      `Calls are submitted within ${facts.backdateDays} days of the visit; this one is older. Ask an admin if it must be recorded.`,
    );
  if (report.productIds.length === 0) add("productIds", "Choose at least one product you discussed.");
  report.productIds.forEach((id) => {
    const p = facts.products.get(id);
    if (!p || !p.active) add("productIds", "One of the products is not an active product of your organisation.");
  });

  if (report.samples.length > 0) {
    if (report.channel !== "in_person") add("samples", "Samples are handed over in person only.");
    else if (!report.signature?.length) add("signature", "Samples need the physician's signature: ask them to sign.");
    if (facts.licence && !facts.licence.licensed)
      add(
        "samples",
        facts.licence.state
          ? `NPPES lists no licence in ${facts.licence.state} for this physician: samples go only to a prescriber licensed in the state of the call.`
          : "NPPES lists no practice state for this physician, so their licence for samples cannot be checked.",
      );
  }
  const callDay = report.occurredAt.toISOString().slice(0, 10);
  report.samples.forEach((s, i) => {
    const at = (field: string) => `samples.${i}.${field}`;
    const p = facts.products.get(s.productId);
    if (!p || !p.active) return add(at("productId"), "This is not an active product of your organisation.");
    if (!p.sampleable) return add(at("productId"), `${p.name} is not sampled.`);
    if (p.limitPerCall !== null && s.quantity > p.limitPerCall)
      add(at("quantity"), `At most ${p.limitPerCall} units of ${p.name} at one call.`);
    if (p.limitPerYear !== null && p.givenThisYear + s.quantity > p.limitPerYear)
      add(
        at("quantity"),
        `This physician has had ${p.givenThisYear} of ${p.limitPerYear} units of ${p.name} allowed in ${callDay.slice(0, 4)}; at most ${Math.max(p.limitPerYear - p.givenThisYear, 0)} more.`,
      );
    if (!s.lotNumber) return add(at("lotNumber"), "Choose the lot the units came from.");
    const lot = facts.lots.get(lotKey(s.productId, s.lotNumber));
    if (!lot) return add(at("lotNumber"), `Your stock has no lot ${s.lotNumber} of ${p.name}.`);
    if (lot.expiresOn !== null && lot.expiresOn < callDay)
      add(at("lotNumber"), `Lot ${s.lotNumber} expired on ${lot.expiresOn}, before the call.`);
    if (lot.balance < s.quantity)
      add(at("quantity"), `Lot ${s.lotNumber} of ${p.name} has ${lot.balance} units in your stock.`);
  });
  return problems;
}
