"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A moment in the reader's time zone. The server cannot know that zone, so the first render (server and
 * hydration) shows the UTC date and time; the browser then shows its own.
 */
export function LocalDateTime({ value, withTime = true }: { value: Date | string; withTime?: boolean }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = typeof value === "string" ? new Date(value) : value;
  const format = new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    ...(withTime ? { hour: "numeric", minute: "2-digit" } : {}),
    ...(inBrowser ? {} : { timeZone: "UTC", timeZoneName: withTime ? "short" : undefined }),
  });
  return <time dateTime={date.toISOString()}>{format.format(date)}</time>;
}
