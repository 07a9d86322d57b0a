import { AdminsOnly } from "~/components/data/admins-only";
import { RunDetail } from "~/components/data/run-detail";
import type { Metadata } from "next";

import { getViewer } from "@pharmacrm/auth";
import { isPlatformOperator } from "@pharmacrm/jobs";

export const metadata: Metadata = { title: "Import run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, viewer] = await Promise.all([params, getViewer()]);
  return viewer?.role === "admin" || isPlatformOperator(viewer) ? (
    <RunDetail id={id} />
  ) : (
    <AdminsOnly what="Import runs" />
  );
}
