import { Info } from "lucide-react";

import { Alert, Badge } from "@pharmacrm/ui";

interface Understood {
  kind: string;
  text: string;
  label: string;
}

/** What the search read from the box ("Understood: Cardiology · Boston") and any notice about what it set aside. */
export function SearchUnderstood({
  understood,
  notices,
}: {
  understood: readonly Understood[];
  notices: readonly string[];
}) {
  return (
    <>
      {understood.length > 0 ? (
        <ul
          aria-label="Understood as"
          className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500"
          data-testid="understood"
        >
          <li>Understood:</li>
          {understood.map((u) => (
            <li key={`${u.kind}:${u.text}`}>
              <Badge tone="info" title={`From “${u.text}”`}>
                {u.label}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {notices.map((notice) => (
        <Alert key={notice} tone="info" icon={<Info />}>
          {notice}
        </Alert>
      ))}
    </>
  );
}
