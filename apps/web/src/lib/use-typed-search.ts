"use client";

// A search box bound to the address: it types freely, and the address (and so the query) follows a moment after the
// last key. Returns the box's text and its setter.
import { useEffect, useEffectEvent, useState } from "react";

export function useTypedSearch(committed: string, commit: (text: string) => void, delayMs = 300) {
  const [text, setText] = useState(committed);
  const onSettled = useEffectEvent((settled: string) => commit(settled));
  useEffect(() => {
    if (text === committed) return;
    const timer = setTimeout(() => onSettled(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, committed, delayMs]);
  return [text, setText] as const;
}
