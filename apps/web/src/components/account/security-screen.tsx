import { LocalDateTime } from "~/components/local-time";
import { LogOut, MonitorSmartphone, ShieldCheck, ShieldOff } from "lucide-react";

import type { ActiveSession } from "@pharmacrm/domain";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import {
  cancelEnrolmentAction,
  disableMfaAction,
  regenerateRecoveryCodesAction,
  signOutEverywhereAction,
  startEnrolmentAction,
} from "./actions";
import { CodeActionForm } from "./code-action-form";
import { EnrolmentPanel } from "./enrolment-panel";
import { PasswordCard } from "./password-card";
import type { QrMatrix } from "./qr-code";

interface SecurityScreenProps {
  email: string;
  /** The person's role (or the org's rule) requires a second factor. */
  required: boolean;
  enrolledAt: Date | null;
  remainingRecoveryCodes: number;
  pending: { secret: string; qr: QrMatrix } | null;
  sessions: ActiveSession[];
  currentSessionId: string;
  /** False for people who sign in only with SSO. */
  hasPassword: boolean;
}

export function SecurityScreen(props: SecurityScreenProps) {
  return (
    <div className="mx-auto grid max-w-3xl gap-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Account security</h1>
        <p className="mt-1 text-sm text-slate-500">
          Your password, two-step verification and the devices signed in as {props.email}.
        </p>
      </div>
      <PasswordCard email={props.email} hasPassword={props.hasPassword} />
      <TwoStepCard {...props} />
      <SessionsCard sessions={props.sessions} currentSessionId={props.currentSessionId} />
    </div>
  );
}

function TwoStepCard({ required, enrolledAt, remainingRecoveryCodes, pending }: SecurityScreenProps) {
  return (
    <Card aria-labelledby="two-step-title">
      <CardHeader>
        <div>
          <CardTitle id="two-step-title" className="flex items-center gap-2">
            Two-step verification
            {enrolledAt ? (
              <Badge tone="success" data-testid="mfa-status">
                <ShieldCheck /> On
              </Badge>
            ) : (
              <Badge tone={required ? "warning" : "neutral"} data-testid="mfa-status">
                <ShieldOff /> Off
              </Badge>
            )}
          </CardTitle>
          <CardDescription>
            {required
              ? "Required for your role: signing in asks for a code from an authenticator app on your phone."
              : "Optional for your role: signing in also asks for a code from an authenticator app on your phone."}
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        {enrolledAt ? (
          <>
            <p className="text-sm text-slate-600">
              On since <LocalDateTime value={enrolledAt} />. {remainingRecoveryCodes} of 10 recovery codes left
              {remainingRecoveryCodes <= 3 ? " — make new ones before you run out." : "."}
            </p>
            <section className="space-y-2" aria-labelledby="new-codes-title">
              <h2 id="new-codes-title" className="text-sm font-medium text-slate-900">
                New recovery codes
              </h2>
              <p className="text-xs text-slate-500">The old codes stop working.</p>
              <CodeActionForm action={regenerateRecoveryCodesAction} submitLabel="Make new codes" />
            </section>
            <section className="space-y-2" aria-labelledby="turn-off-title">
              <h2 id="turn-off-title" className="text-sm font-medium text-slate-900">
                Turn off
              </h2>
              <p className="text-xs text-slate-500">
                {required
                  ? "Your role requires a second factor, so you will be asked to set up a new authenticator straight away (e.g. for a new phone)."
                  : "Signing in will ask for your password only."}
              </p>
              <CodeActionForm action={disableMfaAction} submitLabel="Turn off" danger />
            </section>
          </>
        ) : pending ? (
          <>
            <EnrolmentPanel qr={pending.qr} secret={pending.secret} continueHref="/account/security" />
            <form action={cancelEnrolmentAction}>
              <Button type="submit" variant="ghost" size="sm">
                Cancel setup
              </Button>
            </form>
          </>
        ) : (
          <form action={startEnrolmentAction}>
            <Button type="submit">
              <ShieldCheck /> Set up two-step verification
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}

/** "Chrome on macOS" from a user agent, roughly; enough to tell one's devices apart. */
function deviceName(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser";
  const system = /iPhone|iPad/.test(userAgent)
    ? "iOS"
    : /Android/.test(userAgent)
      ? "Android"
      : /Mac OS X/.test(userAgent)
        ? "macOS"
        : /Windows/.test(userAgent)
          ? "Windows"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return system ? `${browser} on ${system}` : browser;
}

function SessionsCard({ sessions, currentSessionId }: { sessions: ActiveSession[]; currentSessionId: string }) {
  return (
    <Card aria-labelledby="sessions-title" className="overflow-hidden">
      <CardHeader className="flex-wrap items-end">
        <div>
          <CardTitle id="sessions-title">Signed-in devices</CardTitle>
          <CardDescription>Each ends 12 hours after sign-in, or after 8 hours unused.</CardDescription>
        </div>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="secondary" size="sm">
            <LogOut /> Sign out everywhere
          </Button>
        </form>
      </CardHeader>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Device</TableHead>
            <TableHead>Signed in</TableHead>
            <TableHead>Address</TableHead>
            <TableHead>With</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sessions.map((s) => (
            <TableRow key={s.id}>
              <TableCell>
                <span className="inline-flex items-center gap-1.5">
                  <MonitorSmartphone className="size-4 text-slate-400" aria-hidden />
                  {deviceName(s.userAgent)}
                  {s.id === currentSessionId ? <Badge tone="brand">This device</Badge> : null}
                </span>
              </TableCell>
              <TableCell>
                <LocalDateTime value={s.createdAt} />
              </TableCell>
              <TableCell className="font-mono text-xs">{s.ip ?? "—"}</TableCell>
              <TableCell>{s.method === "oidc" ? "Single sign-on" : "Password"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
