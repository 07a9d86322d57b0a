// Databases on a Postgres server, made and dropped by name: test databases cloned from a template, benchmark
// databases. Names are ours (letters, digits, underscores), never user input.
import postgres from "postgres";

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checked(name: string): string {
  if (!NAME.test(name)) throw new Error(`Not a database name we make: ${name}`);
  return `"${name}"`;
}

/** The server URL pointing at another database on the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Creates the database (empty, or as a copy of `template`); with `ifMissing`, keeps one that exists. Says whether it made it. */
export function createDatabase(
  serverUrl: string,
  name: string,
  options: { template?: string; ifMissing?: boolean } = {},
): Promise<boolean> {
  return withAdmin(serverUrl, async (admin) => {
    if (options.ifMissing && (await admin`select 1 from pg_database where datname = ${name}`).length > 0) return false;
    await admin.unsafe(
      `create database ${checked(name)}${options.template ? ` template ${checked(options.template)}` : ""}`,
    );
    return true;
  });
}

/** Drops the databases named, or every database whose name starts with `prefix`, closing their connections. */
export function dropDatabases(serverUrl: string, which: { names?: string[]; prefix?: string }): Promise<void> {
  return withAdmin(serverUrl, async (admin) => {
    const names = [...(which.names ?? [])];
    if (which.prefix)
      names.push(
        ...(
          await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${which.prefix}%`}`
        ).map((r) => r.datname),
      );
    for (const name of names) await admin.unsafe(`drop database if exists ${checked(name)} with (force)`);
  });
}
