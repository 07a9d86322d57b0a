import { CallPlansScreen } from "~/components/call-plans/call-plans-screen";
import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";

export const metadata: Metadata = { title: "Call plans" };

export default function CallPlansPage() {
  return (
    <NuqsAdapter>
      <CallPlansScreen />
    </NuqsAdapter>
  );
}
