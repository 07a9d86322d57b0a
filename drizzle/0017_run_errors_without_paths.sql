-- Runs recorded before imports stopped quoting server paths and file content: their stored errors named the file by
-- its absolute path, and a failed header check quoted the file's first row. Keep the words, drop both.
UPDATE "data_source_run" SET "error" = replace("error", "file_path", "source_file")
  WHERE "error" IS NOT NULL AND "file_path" IS NOT NULL AND position("file_path" in "error") > 0;--> statement-breakpoint
UPDATE "data_source_run" SET "error" = replace("error", "header_file_path", regexp_replace("header_file_path", '^.*/', ''))
  WHERE "error" IS NOT NULL AND "header_file_path" IS NOT NULL AND position("header_file_path" in "error") > 0;--> statement-breakpoint
UPDATE "data_source_run" SET "error" = regexp_replace("error", ' \(it starts ".*"\)\.', '.')
  WHERE "error" LIKE '%(it starts "%';
