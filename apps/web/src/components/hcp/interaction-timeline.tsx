import { LocalDateTime } from "~/components/local-time";
import { formatCalendarDate } from "~/lib/format";
import { channelName } from "~/lib/labels";
import { CornerDownRight, MessageSquareText, Package } from "lucide-react";

import { Badge, EmptyState } from "@pharmacrm/ui";

import { ChannelIcon } from "./channel-icon";
import type { HcpInteraction } from "./types";

export function InteractionTimeline({
  interactions,
  salutation,
}: {
  interactions: HcpInteraction[];
  salutation: string;
}) {
  if (interactions.length === 0) {
    return (
      <EmptyState
        icon={<MessageSquareText />}
        title={`No calls logged with ${salutation} in your scope`}
        description="Calls your team logs with this physician appear here, newest first."
        className="py-8"
      />
    );
  }
  return (
    <ol className="px-4 py-3" data-testid="interactions">
      {interactions.map((call, index) => (
        <li key={call.id} className="relative flex gap-3 pb-5 last:pb-1" data-testid="interaction">
          {index < interactions.length - 1 ? (
            <span className="absolute top-8 bottom-0 left-3.5 w-px bg-slate-200" aria-hidden />
          ) : null}
          <span className="relative flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-700 ring-4 ring-white">
            <ChannelIcon channel={call.channel} className="size-3.5" />
          </span>
          <div className="min-w-0 flex-1 pt-0.5">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <p className="text-sm text-slate-900">
                <span className="font-medium">{channelName(call.channel)}</span>
                <span className="text-slate-500"> · {call.ownerName}</span>
              </p>
              <p className="text-xs text-slate-500 tabular-nums">
                <LocalDateTime value={call.occurredAt} />
              </p>
            </div>
            {call.products.length > 0 || call.samples.length > 0 ? (
              <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
                {call.products.map((name) => (
                  <Badge key={name} tone="brand">
                    {name}
                  </Badge>
                ))}
                {call.samples.map((s) => (
                  <Badge key={s.name} tone="neutral" title="Samples left">
                    <Package aria-hidden /> {s.name} × {s.quantity}
                  </Badge>
                ))}
              </div>
            ) : null}
            {call.notes ? <p className="mt-1.5 text-sm whitespace-pre-line text-slate-700">{call.notes}</p> : null}
            {call.followUp || call.followUpDate ? (
              <p className="mt-1.5 flex items-start gap-1.5 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900">
                <CornerDownRight className="mt-px size-3.5 shrink-0" aria-hidden />
                <span>
                  <span className="font-medium">
                    Follow-up{call.followUpDate ? ` by ${formatCalendarDate(call.followUpDate)}` : ""}:
                  </span>{" "}
                  {call.followUp ?? "—"}
                </span>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
