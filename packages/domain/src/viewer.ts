// The signed-in person as every layer sees them, loaded fresh from the database on each request
// so that a disabled user loses access at once.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { appUser, org, type Db } from "@pharmacrm/db";

export type Role = "rep" | "manager" | "admin";

export interface Viewer {
  userId: string;
  orgId: string;
  role: Role;
  name: string;
  email: string;
  /** A manager's region. */
  regionId: string | null;
  orgName: string;
  orgIsDemo: boolean;
  /** May load the shared public reference data for every org (a role above orgs). */
  platformOperator: boolean;
}

const viewerColumns = {
  userId: appUser.id,
  orgId: appUser.orgId,
  role: appUser.role,
  name: appUser.name,
  email: appUser.email,
  regionId: appUser.regionId,
  orgName: org.name,
  orgIsDemo: org.isDemo,
  platformOperator: appUser.platformOperator,
};

/** Active (not disabled) user by id, or null. */
export async function loadViewer(db: Db, userId: string): Promise<Viewer | null> {
  const [row] = await db
    .select(viewerColumns)
    .from(appUser)
    .innerJoin(org, eq(org.id, appUser.orgId))
    .where(and(eq(appUser.id, userId), isNull(appUser.disabledAt)))
    .limit(1);
  return row ?? null;
}

/** Active user by email (case-insensitive), with the password hash for sign-in. */
export async function findActiveUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ ...viewerColumns, passwordHash: appUser.passwordHash })
    .from(appUser)
    .innerJoin(org, eq(org.id, appUser.orgId))
    .where(and(eq(appUser.email, email.trim().toLowerCase()), isNull(appUser.disabledAt)))
    .limit(1);
  return row ?? null;
}

/** Which of these emails belong to active users (lower-cased), e.g. to offer only the demo sign-ins that exist. */
export async function activeEmails(db: Db, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .select({ email: appUser.email })
    .from(appUser)
    .where(and(inArray(appUser.email, emails.map((email) => email.toLowerCase())), isNull(appUser.disabledAt)));
  return new Set(rows.map((row) => row.email));
}
