import QRCode from "qrcode";

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** One SVG path drawing every dark module. */
  path: string;
}

/** The modules of a QR code for `text`, drawn as one SVG path (server side; no image or data: URL needed). */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
  }
  return { size: modules.size, path: parts.join("") };
}
