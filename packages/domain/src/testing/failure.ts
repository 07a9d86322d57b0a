/** How a promise ends, for tests of refusals: "resolved", or the error's code (DomainError) or name (ZodError). */
export const failure = (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => "resolved",
    (e: { code?: string; name?: string }) => e.code ?? e.name,
  );
