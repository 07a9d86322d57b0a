import { Input, Label } from "@pharmacrm/ui";

/** The one input every second-factor form uses: a 6-digit code (or, where allowed, a recovery code). */
export function CodeField({
  id,
  label,
  invalid,
  allowRecovery = false,
}: {
  id: string;
  label: string;
  invalid: boolean;
  allowRecovery?: boolean;
}) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name="code"
        autoComplete="one-time-code"
        inputMode={allowRecovery ? "text" : "numeric"}
        required
        maxLength={40}
        spellCheck={false}
        placeholder={allowRecovery ? "123456 or a recovery code" : "123456"}
        aria-invalid={invalid ? true : undefined}
        className="max-w-56"
      />
    </div>
  );
}
