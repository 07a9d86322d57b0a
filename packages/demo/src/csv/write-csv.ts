// Writes rows through csv-stringify to a file, honouring back-pressure so large files stream at constant memory.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { stringify, type Stringifier } from "csv-stringify";

export interface CsvWriter {
  write(row: readonly string[]): Promise<void> | void;
  close(): Promise<void>;
}

/** `quoteAll` mirrors NPPES and Open Payments, which quote every field, empty ones included. */
export function createCsvWriter(file: string, header: readonly string[], options: { quoteAll: boolean }): CsvWriter {
  const output = createWriteStream(file);
  const stringifier: Stringifier = stringify({
    quoted: options.quoteAll,
    quoted_empty: options.quoteAll,
    record_delimiter: "unix",
  });
  stringifier.pipe(output);
  const write = (row: readonly string[]): Promise<void> | void => {
    if (!stringifier.write(row)) return once(stringifier, "drain").then(() => undefined);
  };
  void write(header);
  return {
    write,
    close: async () => {
      stringifier.end();
      await once(output, "finish");
    },
  };
}
