"use client";

import { formatCalendarDate } from "~/lib/format";
import { Check, Copy, Mail, Pencil, ShieldAlert, ShieldCheck } from "lucide-react";
import { useState } from "react";

import type { ComplianceFlag, OutreachDraft } from "@pharmacrm/ai";
import {
  Alert,
  Badge,
  Button,
  Card,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  Input,
  Label,
  Textarea,
} from "@pharmacrm/ui";

import { CardSection } from "./card-parts";
import { SourceLine } from "./source-line";

const purposeLabel: Record<OutreachDraft["purpose"], string> = {
  follow_up: "Follow-up",
  invitation: "Invitation",
  sample_offer: "Sample offer",
};
const flagLabel: Record<ComplianceFlag["kind"], string> = {
  banned_phrase: "Banned phrase",
  promise: "Promise",
  unapproved_claim: "Unapproved claim",
  other_product: "Another product",
};

export function EmailDraftCard({ draft }: { draft: OutreachDraft }) {
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const [editing, setEditing] = useState(false);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const edited = subject !== draft.subject || body !== draft.body;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`Subject: ${subject}\n\n${body}`);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <Card data-testid="email-draft-card">
      <CardHeader>
        <div>
          <CardTitle className="flex items-center gap-1.5">
            <Mail className="size-4 text-slate-400" aria-hidden /> {purposeLabel[draft.purpose]} email to{" "}
            {draft.hcpName}
          </CardTitle>
          <CardDescription>
            {draft.product ? `About ${draft.product.name} · ` : ""}saved as a draft, not sent — PharmaCRM never sends
            email
          </CardDescription>
        </div>
        <div className="flex shrink-0 gap-1">
          <Button variant="ghost" size="sm" onClick={() => setEditing((e) => !e)} aria-pressed={editing}>
            <Pencil aria-hidden /> {editing ? "Done" : "Edit"}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => void copy()}>
            {copied === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}{" "}
            {copied === "copied" ? "Copied" : "Copy"}
          </Button>
        </div>
      </CardHeader>
      <div className="px-4 py-3">
        {editing ? (
          <div className="grid gap-2">
            <Label htmlFor={`${draft.draftId}-subject`}>Subject</Label>
            <Input id={`${draft.draftId}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)} />
            <Label htmlFor={`${draft.draftId}-body`}>Body</Label>
            <Textarea id={`${draft.draftId}-body`} rows={10} value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
        ) : (
          <div className="rounded-md border border-slate-200 bg-slate-50/60 p-3">
            <p className="text-sm font-medium text-slate-900" data-testid="draft-subject">
              {subject}
            </p>
            <p className="mt-2 text-sm whitespace-pre-wrap text-slate-800">{body}</p>
          </div>
        )}
        {edited ? (
          <p className="mt-1.5 text-xs text-amber-700">
            Your edits are for copying; the compliance result below is for the copilot&apos;s text.
          </p>
        ) : null}
        {copied === "failed" ? (
          <p className="mt-1.5 text-xs text-red-700">
            The browser did not allow copying. Select the text and copy it by hand.
          </p>
        ) : null}
      </div>
      <CardSection title="Compliance">
        <ComplianceResultView compliance={draft.compliance} />
      </CardSection>
      <CardSection title="Consent and claims">
        <p className="text-sm text-slate-700">
          Email consent recorded {formatCalendarDate(draft.consent.recordedAt)}
          {draft.consent.coversAllProducts ? " for all products" : draft.product ? ` for ${draft.product.name}` : ""}.
        </p>
        {draft.claimsUsed.length > 0 ? (
          <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-slate-600">
            {draft.claimsUsed.map((c) => (
              <li key={c.text}>
                Approved claim: “{c.text}”{c.reference ? ` (${c.reference})` : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </CardSection>
      <CardFooter>
        <SourceLine sources={[draft.consent.source]} />
      </CardFooter>
    </Card>
  );
}

function ComplianceResultView({ compliance }: { compliance: OutreachDraft["compliance"] }) {
  if (compliance.passed && compliance.flags.length === 0) {
    return (
      <Alert tone="success" icon={<ShieldCheck />} data-testid="compliance-result" data-passed="true">
        Compliance check passed: no banned phrases, promises or unapproved claims.
      </Alert>
    );
  }
  return (
    <Alert
      tone={compliance.passed ? "warning" : "danger"}
      icon={<ShieldAlert />}
      title={`${compliance.flags.length} ${compliance.flags.length === 1 ? "issue" : "issues"} flagged — fix before sending`}
      data-testid="compliance-result"
      data-passed={String(compliance.passed)}
    >
      <ul className="mt-1 grid gap-1">
        {compliance.flags.map((flag) => (
          <li key={`${flag.kind}-${flag.sentence}`}>
            <Badge tone="danger">{flagLabel[flag.kind]}</Badge> “{flag.sentence}” — {flag.reason}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
