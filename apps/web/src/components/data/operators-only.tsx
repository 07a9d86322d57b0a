import { Info } from "lucide-react";

import { Alert } from "@pharmacrm/ui";

/** What a tenant admin sees instead of the import form: why not, and who can. */
export function OperatorsOnly() {
  return (
    <Alert tone="info" icon={<Info />} title="Only a platform operator can load data" data-testid="operators-only">
      This reference data is shared by every organisation on this server, so loading it is kept to its platform
      operators, the people who run the installation. You can see below what was loaded and when. To have a newer file
      loaded, ask your platform operator.
    </Alert>
  );
}
