// What the empty chat offers to ask, by role. Every prompt is one the copilot's tools answer (and the offline
// engine understands); a rep's prompts name one of their own physicians so the first click gives a real answer, and
// the draft names one whose email consent is in force.
import type { Role } from "@pharmacrm/domain";

export interface PromptContext {
  role: Role;
  /** A physician in the viewer's territories, as a rep would name them ("Dr Jane Smith"); null if none. */
  physician: string | null;
  /** A physician of theirs with email consent in force, so a suggested draft succeeds; null if none. */
  emailable?: string | null;
  /** One of the org's products, for prescribing questions; null if the org has none. */
  product: string | null;
  /** Where that physician practises ("Weymouth"), to ask about prescribers nearby; null if unknown. */
  city: string | null;
}

export interface SuggestedPrompt {
  label: string;
  prompt: string;
}

export function suggestedPrompts({
  role,
  physician,
  emailable = null,
  product,
  city,
}: PromptContext): SuggestedPrompt[] {
  const prescribers = product && city ? [{ label: "Prescribers", prompt: `Who writes ${product} near ${city}?` }] : [];
  if (role === "rep") {
    return [
      ...(physician ? [{ label: "Prepare a call", prompt: `Prep me for my call with ${physician}` }] : []),
      // Only someone whose email consent is in force: otherwise the first click would be a refusal.
      ...(emailable ? [{ label: "Draft outreach", prompt: `Draft a follow-up email to ${emailable}` }] : []),
      { label: "Plan", prompt: "What should I do next?" },
      ...(prescribers.length > 0 ? prescribers : [{ label: "Capabilities", prompt: "What can you do?" }]),
    ];
  }
  return [
    // A manager's first question is usually their team's numbers; an admin's, the org's.
    {
      label: "Team numbers",
      prompt: role === "manager" ? "Calls per rep in my region last quarter" : "Calls by region last quarter",
    },
    { label: "Focus", prompt: "Where should I focus today?" },
    ...prescribers,
    ...(physician ? [{ label: "Profile", prompt: `Tell me about ${physician}` }] : []),
    { label: "Payments", prompt: "List cardiologists who received Open Payments" },
    { label: "Capabilities", prompt: "What can you do?" },
  ];
}

/** "Jane A. Smith" with an MD-like credential → "Dr Jane A. Smith"; others by their name alone. */
export function physicianMention(name: string, credential: string | null): string {
  return credential && /\b(M\.?D|D\.?O)\b/i.test(credential) ? `Dr ${name}` : name;
}
