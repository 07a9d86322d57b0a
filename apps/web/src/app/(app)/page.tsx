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
  const [me, products] = await Promise.all([api.viewer.me(), api.viewer.products()]);
  // Admins see the whole registry; a named physician only makes sense for someone with territories.
  const mine = me.wholeOrg ? null : await api.hcp.list({ mine: true, pageSize: 25 });
  const doctor = mine?.items.find((h) => /\b(M\.?D|D\.?O)\b/i.test(h.credential ?? "")) ?? mine?.items[0];
  const prompts = suggestedPrompts({
    role: me.role,
    // First and last name only: how a rep says it, and what the copilot matches best.
    physician: !doctor
      ? null
      : physicianMention(
          [doctor.firstName, doctor.lastName]
            .filter(Boolean)
            .join(" ")
            .replace(/\b\p{L}+/gu, titleWord),
          doctor.credential,
        ),
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
