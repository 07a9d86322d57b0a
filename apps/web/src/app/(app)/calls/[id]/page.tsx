import { CallScreen } from "~/components/calls/call-screen";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { callIdInput } from "@pharmacrm/domain/call-report-input";

export const metadata: Metadata = { title: "Call" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // An id the API would refuse is no call at all.
  if (!callIdInput.safeParse({ id }).success) notFound();
  return <CallScreen id={id} />;
}
