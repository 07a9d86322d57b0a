"use client";

import { channelLabel } from "~/lib/labels";

import { CALL_CHANNELS, type CallChannel } from "@pharmacrm/domain/channels";
import { cn } from "@pharmacrm/ui";

import { ChannelIcon } from "../hcp/channel-icon";

/** How the call happened, as one row of radio buttons with the channel's icon. */
export function ChannelPicker({
  name,
  value,
  onChange,
}: {
  name: string;
  value: CallChannel | undefined;
  onChange: (channel: CallChannel) => void;
}) {
  return (
    <div className="mt-1.5 inline-flex flex-wrap rounded-md bg-white shadow-xs ring-1 ring-slate-300" role="radiogroup">
      {CALL_CHANNELS.map((c) => (
        <label
          key={c}
          className={cn(
            "inline-flex h-9 cursor-pointer items-center gap-1.5 border-l border-slate-200 px-3 text-sm first:rounded-l-md first:border-l-0 last:rounded-r-md",
            "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
            value === c ? "bg-brand-50 font-medium text-brand-800" : "text-slate-600 hover:bg-slate-50",
          )}
        >
          <input
            type="radio"
            name={name}
            value={c}
            checked={value === c}
            onChange={() => onChange(c)}
            className="sr-only"
          />
          <ChannelIcon channel={c} className="size-4" />
          {channelLabel[c]}
        </label>
      ))}
    </div>
  );
}
