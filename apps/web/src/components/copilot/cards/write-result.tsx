import { CheckCircle2, FilePen } from "lucide-react";
import Link from "next/link";

import type {
  CreateTaskResult,
  LogInteractionResult,
  RecordConsentOutput,
  TaskChangeOutput,
  UpdateAccountOutput,
} from "@pharmacrm/ai";
import { Alert } from "@pharmacrm/ui";

/** What an approved write stored, with the page where it now shows. */
type Written =
  | LogInteractionResult
  | CreateTaskResult
  | Exclude<TaskChangeOutput, { status: "not_found" | "out_of_scope" | "no_consent" | "invalid" | "conflict" }>
  | Extract<RecordConsentOutput, { status: "recorded" }>
  | Extract<UpdateAccountOutput, { status: "updated" }>;

function linkOf(result: Written): string | null {
  switch (result.status) {
    case "logged":
      return result.interaction.link;
    case "recorded":
      return result.consent.link;
    case "updated":
      return result.account.link;
    default:
      return result.task.link;
  }
}

export function WriteResult({ result }: { result: Written }) {
  const link = linkOf(result);
  // A call kept as a draft (a rule not met yet, such as a lot and a signature for samples) is finished on its page.
  const draft = result.status === "logged" && result.interaction.state === "draft";
  return (
    <Alert
      tone={draft ? "warning" : "success"}
      icon={draft ? <FilePen /> : <CheckCircle2 />}
      data-testid="write-result"
    >
      {result.message}{" "}
      {link ? (
        <Link href={link} className="font-medium underline underline-offset-2">
          {draft ? "Finish the call report" : "Open the HCP page"}
        </Link>
      ) : null}
    </Alert>
  );
}
