"use client";

import { Search } from "lucide-react";
import { useEffect, useState } from "react";

import { Input, Label } from "@pharmacrm/ui";

const DEBOUNCE_MS = 250;

/** The one search box: updates at once, tells the page after a short pause in typing; Enter sends at once. */
export function SearchBox({
  value,
  onSearch,
  label = "Search physicians",
  placeholder = "Name, NPI, specialty, place or drug — e.g. “dr smth cardiology boston”, “heart doctor near 02115 within 10 miles”",
}: {
  value: string;
  onSearch: (text: string) => void;
  label?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The URL changed underneath us (back button, "clear"): show what it says.
    setSeen(value);
    setText(value);
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <form
      role="search"
      className="relative w-full"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <Label htmlFor="physician-search" className="sr-only">
        {label}
      </Label>
      <Search
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
        aria-hidden
      />
      <Input
        id="physician-search"
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={placeholder}
        className="h-11 pl-9 text-base"
        maxLength={200}
        autoComplete="off"
        autoFocus
      />
    </form>
  );
}
