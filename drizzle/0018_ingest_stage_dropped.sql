-- Ingest chunks are staged in temporary tables on both drivers now: the shared jsonb staging table is unused.
DROP TABLE "ingest_stage" CASCADE;
