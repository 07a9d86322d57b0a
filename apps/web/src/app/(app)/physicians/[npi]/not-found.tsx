import { UserX } from "lucide-react";
import Link from "next/link";

import { buttonClasses, Card, EmptyState } from "@pharmacrm/ui";

export default function HcpNotFound() {
  return (
    <Card>
      <EmptyState
        icon={<UserX />}
        title="Physician not found"
        description="No individual provider has that NPI in the registry. Check the 10-digit number, or search by name."
        action={
          <Link href="/physicians" className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Back to physicians
          </Link>
        }
      />
    </Card>
  );
}
