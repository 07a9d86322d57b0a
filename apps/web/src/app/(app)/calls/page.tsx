import { MyCallsScreen } from "~/components/calls/my-calls-screen";
import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";

export const metadata: Metadata = { title: "My calls" };

export default function MyCallsPage() {
  return (
    <NuqsAdapter>
      <MyCallsScreen />
    </NuqsAdapter>
  );
}
