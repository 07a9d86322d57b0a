import { ShieldAlert } from "lucide-react";
import Link from "next/link";

import { buttonClasses, Card, EmptyState } from "@pharmacrm/ui";

/** What a rep or manager sees on an admin page: why not, and where to go instead. */
export function AdminsOnly({ what }: { what: string }) {
  return (
    <Card>
      <EmptyState
        icon={<ShieldAlert />}
        title="Admins only"
        description={`${what} is for administrators of your organisation. Ask one of them if you need something from it.`}
        action={
          <Link href="/physicians" className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Back to physicians
          </Link>
        }
      />
    </Card>
  );
}
