import { cache } from "react";
import { getDb } from "@pharmacrm/db";
import { loadViewer, type Viewer } from "@pharmacrm/domain";
import { auth } from "./config";

/** The signed-in, active user for this request, or null. Disabled users are null from their next request on. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadViewer(await getDb(), userId);
});
