import { AdminsOnly } from "~/components/data/admins-only";
import { TerritoryScreen } from "~/components/territories/territory-screen";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";

import { getViewer } from "@pharmacrm/auth";

export const metadata: Metadata = { title: "Territory" };

export default async function TerritoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string | string[] }>;
}) {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  // The id the API would refuse is no territory at all.
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await getViewer();
  return viewer?.role === "admin" ? (
    <TerritoryScreen id={id} created={created === "1"} />
  ) : (
    <AdminsOnly what="Territory set-up" />
  );
}
