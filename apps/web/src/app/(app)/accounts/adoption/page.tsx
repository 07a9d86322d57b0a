import { AdoptionBoard } from "~/components/adoption/adoption-board";
import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";

export const metadata: Metadata = { title: "Adoption board" };

export default function AdoptionPage() {
  return (
    <NuqsAdapter>
      <AdoptionBoard />
    </NuqsAdapter>
  );
}
