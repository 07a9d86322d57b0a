/** A same-site path to return to after sign-in; anything else (absolute or protocol-relative URLs) → fallback. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return fallback;
  if (value.startsWith("/sign-in") || value.startsWith("/api/")) return fallback;
  return value;
}
