import { CallPlanScreen } from "~/components/call-plans/call-plan-screen";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { callPlanIdInput } from "@pharmacrm/domain/call-plan-input";

export const metadata: Metadata = { title: "Call plan" };

export default async function CallPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The id the API would refuse is no plan at all.
  if (!callPlanIdInput.safeParse({ id }).success) notFound();
  return <CallPlanScreen id={id} />;
}
