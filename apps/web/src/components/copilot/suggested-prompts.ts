// What the empty chat offers to ask, by role. Every prompt is one the copilot's tools answer (and the offline
// engine understands); a rep's prompts name one of their own physicians so the first click gives a real answer.
import type { Role } from "@pharmacrm/domain";

export interface PromptContext {
  role: Role;
  /** A physician in the viewer's territories, as a rep would name them ("Dr Jane Smith"); null if none. */
  physician: string | null;
  /** One of the org's products, for prescribing questions; null if the org has none. */
  product: string | null;
}

export interface SuggestedPrompt {
  label: string;
  prompt: string;
}

export function suggestedPrompts({ role, physician, product }: PromptContext): SuggestedPrompt[] {
  if (role === "rep") {
    return [
      ...(physician
        ? [
            { label: "Prepare a call", prompt: `Prep me for my call with ${physician}` },
            { label: "Draft outreach", prompt: `Draft a follow-up email to ${physician}` },
          ]
        : []),
      { label: "Plan", prompt: "What should I do next?" },
      { label: "Prescribers", prompt: product ? `Who writes ${product} in my territory?` : "Find cardiologists in my territory" },
    ];
  }
  return [
    { label: "Focus", prompt: role === "manager" ? "Who should my team call this week?" : "Where should we focus this week?" },
    ...(product ? [{ label: "Prescribers", prompt: `Who writes ${product} the most?` }] : []),
    ...(physician ? [{ label: "Profile", prompt: `Tell me about ${physician}` }] : []),
    { label: "Payments", prompt: "Cardiologists who received Open Payments" },
    { label: "Capabilities", prompt: "What can you do?" },
  ];
}

/** "Jane A. Smith" with an MD-like credential → "Dr Jane A. Smith"; others by their name alone. */
export function physicianMention(name: string, credential: string | null): string {
  return credential && /\b(M\.?D|D\.?O)\b/i.test(credential) ? `Dr ${name}` : name;
}
