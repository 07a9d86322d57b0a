import { CheckCircle2 } from "lucide-react";
import Link from "next/link";

import type { CreateTaskResult, LogInteractionResult } from "@pharmacrm/ai";
import { Alert } from "@pharmacrm/ui";

/** What an approved write stored, with the page where it now shows. */
export function WriteResult({ result }: { result: LogInteractionResult | CreateTaskResult }) {
  const link = result.status === "logged" ? result.interaction.link : result.task.link;
  return (
    <Alert tone="success" icon={<CheckCircle2 />} data-testid="write-result">
      {result.message}{" "}
      {link ? (
        <Link href={link} className="font-medium underline underline-offset-2">
          Open the HCP page
        </Link>
      ) : null}
    </Alert>
  );
}
