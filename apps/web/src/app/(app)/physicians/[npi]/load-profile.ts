import { TRPCError } from "@trpc/server";
import { serverApi } from "~/trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";

import { NPI_PATTERN } from "@pharmacrm/domain/validation";

/** The HCP page's data, once per request (metadata and page share it); unknown or malformed NPIs → 404. */
export const loadProfile = cache(async (npi: string) => {
  if (!NPI_PATTERN.test(npi)) notFound();
  try {
    return await (await serverApi()).hcp.byNpi({ npi });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});
