// Reads a run's file from its checkpoint, handing out records in chunks of any size.
import { readCsv, type CsvRecord } from "../csv/read-csv";

export class Cursor {
  private readonly batches: AsyncGenerator<CsvRecord[]>;
  private pending: CsvRecord[] = [];
  private exhausted = false;

  constructor(file: string, start: number, line: number) {
    this.batches = readCsv(file, { start, line });
  }

  /** Up to `count` records; fewer only at the end of the file. */
  async take(count: number): Promise<CsvRecord[]> {
    while (this.pending.length < count && !this.exhausted) {
      const next = await this.batches.next();
      if (next.done) this.exhausted = true;
      else this.pending = this.pending.length === 0 ? next.value : this.pending.concat(next.value);
    }
    const taken = this.pending.length <= count ? this.pending : this.pending.slice(0, count);
    this.pending = this.pending.length <= count ? [] : this.pending.slice(count);
    return taken;
  }

  /** True once every record has been handed out (reads ahead to find out). */
  async atEnd(): Promise<boolean> {
    if (this.pending.length === 0 && !this.exhausted) {
      const next = await this.batches.next();
      if (next.done) this.exhausted = true;
      else this.pending = next.value;
    }
    return this.exhausted && this.pending.length === 0;
  }

  async close(): Promise<void> {
    await this.batches.return(undefined);
  }
}
