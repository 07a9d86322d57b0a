import type { ComponentProps, ReactNode } from "react";

/** The chat's two stacked areas: the scrolling conversation and, under it, the input bar. */
export function ChatFrame({
  children,
  input,
  ...props
}: { children: ReactNode; input: ReactNode } & Omit<ComponentProps<"div">, "children">) {
  return (
    <div className="flex min-h-0 flex-1 flex-col" {...props}>
      <div className="min-h-0 min-w-0 flex-1 overflow-y-auto" data-testid="copilot-messages">
        {children}
      </div>
      <div className="border-t border-slate-200 bg-white px-4 pt-3 pb-2">
        <div className="mx-auto max-w-3xl">{input}</div>
      </div>
    </div>
  );
}

/** The messages of a conversation, one under the other. */
export function MessageColumn({ children }: { children: ReactNode }) {
  return <div className="mx-auto grid max-w-3xl grid-cols-[minmax(0,1fr)] gap-5 px-4 py-6">{children}</div>;
}
