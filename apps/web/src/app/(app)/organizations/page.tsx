import { OrganizationSearch } from "~/components/organizations/organization-search";
import type { Metadata } from "next";
import { Suspense } from "react";

export const metadata: Metadata = { title: "Organisations" };

export default function OrganizationsPage() {
  // useSearchParams needs a Suspense boundary; the search shows its own skeleton while it loads.
  return (
    <Suspense>
      <OrganizationSearch />
    </Suspense>
  );
}
