import { randomUUID } from "node:crypto";
import { CopilotScreen } from "~/components/copilot/copilot-screen";
import { physicianMention, suggestedPrompts } from "~/components/copilot/suggested-prompts";
import { serverApi } from "~/trpc/server";
import type { Metadata } from "next";
import { Suspense } from "react";

import { getLanguageModel } from "@pharmacrm/ai";

export const metadata: Metadata = { title: "Copilot" };

/** Home is the copilot. Prompts name one of the viewer's own physicians and products, so the first click answers. */
export default async function CopilotPage() {
  const api = await serverApi();
  const [me, products, emailable] = await Promise.all([
    api.viewer.me(),
    api.viewer.products(),
    api.viewer.emailablePhysician(),
  ]);
  // Admins see the whole registry; a named physician only makes sense for someone with territories.
  const mine = me.wholeOrg ? null : await api.hcp.list({ mine: true, pageSize: 25 });
  const doctor = mine?.items.find((h) => /\b(M\.?D|D\.?O)\b/i.test(h.credential ?? "")) ?? mine?.items[0];
  const prompts = suggestedPrompts({
    role: me.role,
    physician: doctor ? spoken(doctor) : null,
    emailable: emailable ? spoken(emailable) : null,
    product: products[0]?.name ?? null,
    city: doctor?.city ? doctor.city.replace(/\b\p{L}+/gu, titleWord) : null,
  });
  return (
    // useSearchParams (the open conversation) needs a Suspense boundary.
    <Suspense>
      <CopilotScreen newId={randomUUID()} prompts={prompts} providerLabel={getLanguageModel().label} />
    </Suspense>
  );
}

const titleWord = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** First and last name only, with "Dr" for an MD or DO: how a rep says it, and what the copilot matches best. */
const spoken = (p: { firstName: string | null; lastName: string | null; credential: string | null }) =>
  physicianMention(
    [p.firstName, p.lastName]
      .filter(Boolean)
      .join(" ")
      .replace(/\b\p{L}+/gu, titleWord),
    p.credential,
  );
