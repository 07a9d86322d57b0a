// Is a file text at all? Every dataset is a CSV (UTF-8 or latin1); an archive, a spreadsheet or other binary
// data is refused up front with what it looks like and what to upload instead, before any header check or row
// reaches the database (which refuses NUL bytes in text). Only the first few KB are read.
import { open } from "node:fs/promises";

/** How much of a file the sniff reads. */
export const SNIFF_BYTES = 4096;

const EXPECTED = "PharmaCRM expects a CSV file (plain text).";

// Magic numbers of the files people most often pick by mistake.
const SIGNATURES: { bytes: number[]; what: string; instead: string }[] = [
  { bytes: [0x1f, 0x8b], what: "a gzip archive", instead: "Unpack it and upload the CSV inside." },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: "a ZIP archive (or an Excel workbook)",
    instead: "Unzip it and upload the CSV inside, or save the sheet as CSV.",
  },
  { bytes: [0x42, 0x5a, 0x68], what: "a bzip2 archive", instead: "Unpack it and upload the CSV inside." },
  {
    bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    what: "an xz archive",
    instead: "Unpack it and upload the CSV inside.",
  },
  {
    bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
    what: "a 7-Zip archive",
    instead: "Unpack it and upload the CSV inside.",
  },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: "a Zstandard archive", instead: "Unpack it and upload the CSV inside." },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF document", instead: "Download the dataset as CSV instead." },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: "an old-style Excel or Word file",
    instead: "Save the sheet as CSV and upload that.",
  },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: "a Parquet file", instead: "Download the dataset as CSV instead." },
  {
    bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65],
    what: "an SQLite database",
    instead: "Export the table as CSV and upload that.",
  },
];

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((byte, i) => head[i] === byte);

// Control bytes text files do not hold: all C0 controls but tab, line feed, form feed and carriage return; and
// DEL. A single NUL already means binary; a few stray others (ESC in a pasted field) are tolerated.
const isControlByte = (byte: number) =>
  (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f;

/**
 * Why the file beginning with `head` cannot be a CSV (a message for the person who sent it), or null when it looks
 * like text. Pass the first SNIFF_BYTES bytes (fewer for a smaller file).
 */
export function notCsvReason(head: Uint8Array): string | null {
  const sample = head.subarray(0, SNIFF_BYTES);
  const known = SIGNATURES.find((s) => startsWith(sample, s.bytes));
  if (known) return `This file is ${known.what}, not a CSV file. ${known.instead}`;
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    return "This file is text in UTF-16, not a CSV file in UTF-8. Save it as “CSV UTF-8” and upload that.";
  }
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0x00) return `This file holds binary data (NUL bytes), not text. ${EXPECTED}`;
    if (isControlByte(byte)) controls++;
  }
  // More than 1 in 100 bytes a control character: not something a person or CMS wrote as text.
  if (controls > Math.max(2, sample.length / 100)) return `This file holds binary data, not text. ${EXPECTED}`;
  return null;
}

/** The first `bytes` bytes of a file (all of it when shorter). */
export async function fileHead(path: string, bytes = SNIFF_BYTES): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** notCsvReason for a file on disk. */
export async function notCsvFileReason(path: string): Promise<string | null> {
  return notCsvReason(await fileHead(path));
}
