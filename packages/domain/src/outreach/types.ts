// An outreach draft as the copilot returns it: what was written, what compliance flagged, and on which consent.
import type { FigureSource } from "../brief/types";
import type { ComplianceResult } from "../compliance/check-draft";
import type { outreachPurposes } from "./input";

export type OutreachPurpose = (typeof outreachPurposes)[number];

export interface OutreachDraft {
  status: "drafted";
  /** The saved outreach_draft row. Nothing is ever sent by the system. */
  draftId: string;
  npi: string;
  hcpName: string;
  purpose: OutreachPurpose;
  product: { id: string; name: string } | null;
  subject: string;
  body: string;
  compliance: ComplianceResult;
  /** The consent record the draft rests on. */
  consent: { channel: "email"; coversAllProducts: boolean; recordedAt: string; source: FigureSource };
  /** Approved claims quoted in the body, word for word. */
  claimsUsed: { text: string; reference: string | null }[];
  sent: false;
  message: string;
}
