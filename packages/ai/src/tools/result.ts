// What every copilot tool shares: its context, the expected failures it reports in words (never thrown), and the
// viewer's scope, read once per request.
import { zodSchema, type Schema } from "ai";
import { ZodError, type z } from "zod";

import type { Db } from "@pharmacrm/db";
import {
  DomainError,
  hcpSources,
  scopeFor,
  type FigureSource,
  type Scope,
  type SourceKey,
  type Viewer,
} from "@pharmacrm/domain";

export interface ToolContext {
  db: Db;
  viewer: Viewer;
  now: Date;
}

export type ToolFailureStatus = "not_found" | "out_of_scope" | "no_consent" | "invalid" | "conflict";

/** An expected failure, said so that the person (and the model) understands what to do next. */
export interface ToolFailure {
  status: ToolFailureStatus;
  message: string;
}

const scopes = new WeakMap<ToolContext, Promise<Scope>>();

/** The viewer's scope, computed on first use and shared by every tool of one context. */
export function scopeOf(ctx: ToolContext): Promise<Scope> {
  let scope = scopes.get(ctx);
  if (!scope) {
    scope = scopeFor(ctx.db, ctx.viewer);
    scopes.set(ctx, scope);
  }
  return scope;
}

const STATUS_OF: Record<DomainError["code"], ToolFailureStatus> = {
  NOT_FOUND: "not_found",
  FORBIDDEN: "out_of_scope",
  BAD_REQUEST: "invalid",
  CONFLICT: "conflict",
};

/** Runs a domain call; its expected errors become a ToolFailure, anything else stays an error. */
export async function orFailure<T>(run: () => Promise<T>): Promise<T | ToolFailure> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) return { status: STATUS_OF[error.code], message: error.message };
    if (error instanceof ZodError) return { status: "invalid", message: error.issues.map((i) => i.message).join(" ") };
    throw error;
  }
}

export const hcpLink = (npi: string) => `/physicians/${npi}`;
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const TABLE_OF: Record<SourceKey, string> = {
  nppes: "hcp",
  nppes_practice_location: "npi_practice_location",
  nppes_endpoint: "npi_endpoint",
  part_d: "part_d_prescribing",
  open_payments: "open_payment",
  zip_centroids: "zip_centroid",
};

/** The latest loaded release of each dataset, as figure sources (yearly datasets: the latest data year). */
export async function referenceSources(db: Db, datasets: SourceKey[]): Promise<FigureSource[]> {
  const runs = await hcpSources(db);
  return datasets.map((dataset) => {
    const latest = runs[dataset][0];
    return {
      table: TABLE_OF[dataset],
      period: latest?.dataYear != null ? String(latest.dataYear) : null,
      release: latest?.release ?? latest?.sourceFile ?? null,
    };
  });
}

const schemas = new WeakMap<z.ZodType, Schema<unknown>>();

/**
 * A tool's input schema as the SDK reads it, made once per process: the SDK converts a bare zod schema to JSON
 * Schema on every step of every turn (13 tools × 3 steps), which cost a call prep about 10 ms.
 */
export function inputSchemaOf<T extends z.ZodType>(schema: T): Schema<z.output<T>> {
  let made = schemas.get(schema);
  if (!made) {
    made = zodSchema(schema) as Schema<unknown>;
    schemas.set(schema, made);
  }
  return made as Schema<z.output<T>>;
}
