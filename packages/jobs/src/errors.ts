// Expected failures of an import request, with messages written for the person who asked.

/** The file cannot be used (missing, unreadable, not found at the URL, too large…); nothing was started. */
export class ImportFileError extends Error {
  override readonly name = "ImportFileError";
  constructor(
    message: string,
    /** An HTTP status that fits, for route handlers. */
    readonly status: 400 | 404 | 413 | 502 = 400,
  ) {
    super(message);
  }
}
