import type { Db } from "@pharmacrm/db";
import type { Viewer } from "@pharmacrm/domain";

import { createCaller } from "../root";

export const callerFor = (db: Db, viewer: Viewer | null) => createCaller({ db, viewer });

/** The tRPC error code a call fails with, or "OK". */
export async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "OK";
  } catch (error) {
    return (error as { code?: string }).code ?? "UNKNOWN";
  }
}
