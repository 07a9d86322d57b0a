// Email templates per purpose. Product statements are only ever approved claims, quoted word for word on their own
// line; everything else is courtesy that makes no claim. The rep's topic is their own words and is checked like
// the rest.
import type { OutreachPurpose } from "./types";

export interface ComposeInput {
  purpose: OutreachPurpose;
  /** "Dr Chen" */
  salutationName: string;
  product: string | null;
  claims: readonly string[];
  topic: string | null;
  /** The rep's last interaction with this HCP (YYYY-MM-DD), for a follow-up. */
  lastMet: string | null;
  sender: { name: string; org: string };
}

const MAX_CLAIMS = 2;

export function composeOutreach(c: ComposeInput): { subject: string; body: string; claimsUsed: string[] } {
  const claims = c.claims.slice(0, MAX_CLAIMS);
  const lines: string[] = [`Dear ${c.salutationName},`, ""];
  let subject: string;
  switch (c.purpose) {
    case "follow_up":
      subject = c.topic
        ? `Following up: ${c.topic}`
        : c.product
          ? `Following up on ${c.product}`
          : "Following up on our conversation";
      lines.push(
        c.lastMet ? `Thank you for your time when we met on ${c.lastMet}.` : "Thank you for your time recently.",
      );
      if (c.topic) lines.push(`As promised, I am following up on ${c.topic}.`);
      break;
    case "invitation":
      subject = c.topic
        ? `Invitation: ${c.topic}`
        : c.product
          ? `Invitation: an educational session on ${c.product}`
          : "Invitation: an educational session";
      lines.push(
        c.topic
          ? `I would like to invite you to ${c.topic}.`
          : `I would like to invite you to an educational session${c.product ? ` on ${c.product}` : ""} with colleagues from your area.`,
      );
      lines.push("Please let me know whether you would like me to reserve a place for you.");
      break;
    case "sample_offer":
      subject = `${c.product} samples`;
      lines.push(`I would be glad to bring samples of ${c.product} on my next visit, if that suits your practice.`);
      if (c.topic) lines.push(`I can also bring ${c.topic}.`);
      break;
  }
  if (c.product && claims.length > 0) {
    lines.push(
      "",
      `From the approved prescribing information for ${c.product}:`,
      ...claims.map((claim) => `- ${claim}`),
    );
  }
  lines.push(
    "",
    c.product
      ? `Full prescribing information, including important safety information, is available on request.`
      : "I am happy to answer any questions.",
    "",
    "Kind regards,",
    c.sender.name,
    c.sender.org,
  );
  return { subject, body: lines.join("\n"), claimsUsed: c.product ? claims : [] };
}
