"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@pharmacrm/ui";

import { ErasePersonForm } from "./erase-person-form";

/** Admins only (the page decides): erase what the org holds about this physician, on request of the person. */
export function EraseHcpCard({ npi }: { npi: string }) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  return (
    <Card aria-labelledby="erase-hcp-title">
      <CardHeader>
        <div>
          <CardTitle id="erase-hcp-title">Erasure request</CardTitle>
          <CardDescription>
            When this physician asks your organisation to erase their personal data: your free text and contact details
            are overwritten, the records stay for your reports and audit trail.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <ErasePersonForm target={{ kind: "hcp", npi }} onErased={() => startRefresh(() => router.refresh())} />
      </CardContent>
    </Card>
  );
}
