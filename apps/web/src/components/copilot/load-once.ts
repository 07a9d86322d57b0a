// Code split off the first load, fetched once when first wanted. React's `use` reads a promise's outcome from its
// `status` and `value`: set here as soon as it settles, so whatever renders after the module has arrived (preloaded
// on a hover, say) renders at once instead of showing its Suspense fallback for a frame or more.
type Loading<T> = Promise<T> & { status?: "fulfilled"; value?: T };

/** A loader for `use(load())` and for preloading (`void load()`). A failed load is tried again on the next call. */
export function loadOnce<T>(importModule: () => Promise<T>): () => Promise<T> {
  let current: Loading<T> | undefined;
  return () => {
    if (current) return current;
    const loading: Loading<T> = importModule();
    loading.then(
      (value) => {
        loading.status = "fulfilled";
        loading.value = value;
      },
      () => {
        if (current === loading) current = undefined;
      },
    );
    current = loading;
    return loading;
  };
}
