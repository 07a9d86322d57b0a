import { cache } from "react";
import { z } from "zod";

import { getDb } from "@pharmacrm/db";
import { loadSessionViewer, type SessionViewer, type Viewer } from "@pharmacrm/domain";

import { auth } from "./config";

const claims = z.object({ userId: z.uuid(), sessionId: z.uuid(), sessionVersion: z.number().int() });

/**
 * The session behind this request's token, checked against the server (not signed out, session version current,
 * user active), with what it still owes: a second factor to verify or to set up. Null when there is none.
 */
export const getSessionViewer = cache(async (): Promise<SessionViewer | null> => {
  const session = await auth();
  const parsed = claims.safeParse({
    userId: session?.user?.id,
    sessionId: session?.sessionId,
    sessionVersion: session?.sessionVersion,
  });
  if (!parsed.success) return null;
  return loadSessionViewer(await getDb(), parsed.data);
});

/** The signed-in, active user for this request, or null (also while a second factor is still owed). */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getSessionViewer();
  return session?.secondFactor === "done" ? session.viewer : null;
});
