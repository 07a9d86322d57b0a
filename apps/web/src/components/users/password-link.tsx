"use client";

import { Check, Copy, Link2, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";

import { Button, Card, Input } from "@pharmacrm/ui";

export interface IssuedLink {
  name: string;
  purpose: "invite" | "reset";
  token: string;
  expiresAt: Date | string;
}

const until = (d: Date | string) => new Date(d).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

/**
 * A link just issued, shown once: the admin copies it and sends it to the person (this install sends no email for
 * it). The address is built here from the page's own origin, never from a request header.
 */
export function IssuedLinkCard({ link, onClose }: { link: IssuedLink; onClose: () => void }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // The link is what the admin came for: focus it, so a screen reader reads it and Ctrl+C copies it at once.
  useEffect(() => field.current?.select(), []);
  const url = `${window.location.origin}/set-password?token=${link.token}`;
  return (
    <Card className="grid gap-2 border-brand-200 bg-brand-50/40 p-4" data-testid="issued-link">
      <div className="flex items-start gap-2">
        <Link2 className="mt-0.5 size-4 text-brand-700" aria-hidden />
        <p className="grow text-sm text-slate-800">
          {link.purpose === "invite"
            ? `${link.name} is invited. Send them this link to choose their password`
            : `Send ${link.name} this link to choose a new password`}{" "}
          — it works once, until {until(link.expiresAt)}, and is shown only now.
          {link.purpose === "reset" ? " Their current password works until they use it." : ""}
        </p>
        <Button variant="ghost" size="icon" aria-label="Hide the link" onClick={onClose}>
          <X className="size-4" aria-hidden />
        </Button>
      </div>
      <div className="flex gap-2">
        <Input
          ref={field}
          readOnly
          value={url}
          aria-label="Link to send"
          className="font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          variant="secondary"
          onClick={() => {
            // The clipboard needs a secure page (https or localhost); otherwise the field is selected to copy by hand.
            const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
            if (!clipboard) return setCopied("no");
            clipboard.writeText(url).then(
              () => setCopied("yes"),
              () => setCopied("no"),
            );
          }}
        >
          {copied === "yes" ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
      </div>
      {copied === "no" ? (
        <p className="text-xs text-amber-800" role="alert">
          This browser did not let the page copy: select the link above and copy it (Ctrl+C or ⌘C).
        </p>
      ) : null}
    </Card>
  );
}
