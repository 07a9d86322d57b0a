/** Saves a file built in the page (an export) without a second request. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}

/** Saves a text body the server built (an export) as a file, without a second request. */
export function downloadFile(filename: string, contentType: string, content: string): void {
  saveBlob(new Blob([content], { type: contentType }), filename);
}
