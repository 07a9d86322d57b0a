"use client";

import { X } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";

import { tagField, uniqueTags } from "@pharmacrm/domain/accounts-input";
import { cn, fieldClasses } from "@pharmacrm/ui";

/**
 * Tags as chips: type and press Enter or a comma to add (the org's tags suggested), Backspace in the empty box or a
 * chip's × to remove. A tag the rules refuse says why under the box and is not added.
 */
export function TagInput({
  id,
  value,
  onChange,
  suggestions,
  max,
  label,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: readonly string[];
  max: number;
  label: string;
}) {
  const listId = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    if (!text.trim()) return;
    const parsed = tagField.safeParse(text);
    if (!parsed.success) return setProblem(parsed.error.issues[0]!.message);
    if (value.length >= max) return setProblem(`At most ${max} tags.`);
    const known = suggestions.find((s) => s.toLowerCase() === parsed.data.toLowerCase());
    onChange(uniqueTags([...value, known ?? parsed.data]));
    setText("");
    setProblem(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      add();
    } else if (e.key === "Backspace" && text === "" && value.length > 0) onChange(value.slice(0, -1));
  };
  return (
    <div>
      <div className={cn(fieldClasses, "flex h-auto min-h-9 flex-wrap items-center gap-1 py-1")}>
        {value.map((tag) => (
          <span key={tag} className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs">
            {tag}
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              className="text-slate-500 hover:text-slate-900"
              onClick={() => onChange(value.filter((t) => t !== tag))}
            >
              <X className="size-3" aria-hidden />
            </button>
          </span>
        ))}
        <input
          id={id}
          aria-label={label}
          list={listId}
          className="min-w-24 flex-1 bg-transparent text-sm outline-none"
          value={text}
          placeholder={value.length === 0 ? "Type a tag, press Enter" : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={add}
          aria-invalid={problem ? true : undefined}
        />
        <datalist id={listId}>
          {suggestions
            .filter((s) => !value.some((v) => v.toLowerCase() === s.toLowerCase()))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      </div>
      {problem ? <p className="mt-1 text-xs text-red-600">{problem}</p> : null}
    </div>
  );
}
