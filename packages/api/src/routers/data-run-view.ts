// What the Data screen may show of an import run. Reference data is shared, so every admin sees what was loaded,
// when, and how it went (dataset, release, file name, counts, status). Who started a run and where its file came
// from (a path in the import folder, a URL) are shown only to platform operators and to the starter's own org: a
// tenant admin does not see another org's people or actions. Server paths are never shown to anyone.
import { eq, inArray } from "drizzle-orm";

import { appUser, org, type Db } from "@pharmacrm/db";
import { type Viewer } from "@pharmacrm/domain";
import { type IngestionRun } from "@pharmacrm/ingest";
import { isPlatformOperator } from "@pharmacrm/jobs";

interface Starter {
  id: string;
  orgId: string;
  name: string;
  email: string;
  orgName: string;
}

export interface RunOrigin {
  /** How the run was asked for: the app, the command line, the demo seed, a job event; null before this was kept. */
  via: IngestionRun["startedVia"];
  /** False when who and where are withheld from this viewer (another org's action). */
  disclosed: boolean;
  startedBy: { name: string; email: string; orgName: string } | null;
  /** A path inside the import folder, a URL's host and path, or "upload". */
  location: string | null;
}

export type RunView = Omit<
  IngestionRun,
  "filePath" | "headerFilePath" | "startedBy" | "sourceLocation" | "startedVia"
> & { origin: RunOrigin };

/** The people who started these runs, with their org. */
export async function startersOf(db: Db, runs: readonly IngestionRun[]): Promise<Map<string, Starter>> {
  const ids = [...new Set(runs.map((run) => run.startedBy).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: appUser.id, orgId: appUser.orgId, name: appUser.name, email: appUser.email, orgName: org.name })
    .from(appUser)
    .innerJoin(org, eq(org.id, appUser.orgId))
    .where(inArray(appUser.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}

export function runView(run: IngestionRun, viewer: Viewer, starters: ReadonlyMap<string, Starter>): RunView {
  const { filePath: _path, headerFilePath: _header, startedBy, sourceLocation, startedVia, details, ...shown } = run;
  const starter = startedBy ? starters.get(startedBy) : undefined;
  const disclosed = isPlatformOperator(viewer) || (starter !== undefined && starter.orgId === viewer.orgId);
  // Index definitions a bulk load deferred are the database's business, not the screen's.
  const { deferredIndexes: _indexes, ...publicDetails } = details;
  return {
    ...shown,
    details: publicDetails,
    origin: {
      via: startedVia,
      disclosed,
      startedBy: disclosed && starter ? { name: starter.name, email: starter.email, orgName: starter.orgName } : null,
      location: disclosed ? sourceLocation : null,
    },
  };
}

/** runView over a list, loading the starters once. */
export async function runViews(db: Db, runs: readonly IngestionRun[], viewer: Viewer): Promise<RunView[]> {
  const starters = await startersOf(db, runs);
  return runs.map((run) => runView(run, viewer, starters));
}
