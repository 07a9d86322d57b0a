import { SampleStockScreen } from "~/components/samples/sample-stock-screen";
import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";

export const metadata: Metadata = { title: "Sample stock" };

export default function SamplesPage() {
  return (
    <NuqsAdapter>
      <SampleStockScreen />
    </NuqsAdapter>
  );
}
