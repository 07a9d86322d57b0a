import { AccountTrail } from "~/components/accounts/account-trail";
import { EraseHcpCard } from "~/components/audit/erase-hcp-card";
import { AffiliationsCard } from "~/components/hcp/affiliations-card";
import { AttributesCard } from "~/components/hcp/attributes-card";
import { ConsentCard } from "~/components/hcp/consent-card";
import { HcpHeader } from "~/components/hcp/hcp-header";
import { IdentityCard } from "~/components/hcp/identity-card";
import { InteractionTimeline } from "~/components/hcp/interaction-timeline";
import { InteractionsPanel } from "~/components/hcp/interactions-panel";
import { LocationsCard } from "~/components/hcp/locations-card";
import { PaymentsCard } from "~/components/hcp/payments-card";
import { PrescribingCard } from "~/components/hcp/prescribing-card";
import { SectionNav } from "~/components/hcp/section-nav";
import { TasksCard } from "~/components/hcp/tasks-card";
import { TaxonomiesCard } from "~/components/hcp/taxonomies-card";
import { salutation } from "~/lib/format";
import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { getViewer } from "@pharmacrm/auth";

import { loadProfile } from "./load-profile";

interface HcpPageProps {
  params: Promise<{ npi: string }>;
}

export async function generateMetadata({ params }: HcpPageProps): Promise<Metadata> {
  const profile = await loadProfile((await params).npi);
  return { title: profile.hcp.name };
}

export default async function HcpPage({ params }: HcpPageProps) {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  const profile = await loadProfile((await params).npi);
  const admin = viewer.role === "admin";
  // Who may work with the physician (log a call, keep the account profile): in the viewer's territories, or an admin.
  const canWork = profile.inMyTerritories || admin;
  const tenant = { orgName: viewer.orgName, isDemo: viewer.orgIsDemo };
  const today = new Date().toISOString().slice(0, 10);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-1">
        <Link
          href="/physicians"
          className="inline-flex items-center gap-1 text-xs font-medium text-slate-500 hover:text-slate-900"
        >
          <ChevronLeft className="size-3.5" aria-hidden /> Physicians
        </Link>
        <AccountTrail npi={profile.hcp.npi} />
      </div>
      <HcpHeader profile={profile} showTerritory={!admin} />
      <SectionNav />

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="min-w-0 space-y-5">
          <PrescribingCard profile={profile} />
          <PaymentsCard profile={profile} />
          <InteractionsPanel npi={profile.hcp.npi} count={profile.interactions.length} canLog={canWork} {...tenant}>
            <InteractionTimeline interactions={profile.interactions} salutation={salutation(profile.hcp)} />
          </InteractionsPanel>
        </div>
        <aside className="min-w-0 space-y-5">
          <IdentityCard profile={profile} />
          {profile.attributes || canWork ? (
            <AttributesCard
              npi={profile.hcp.npi}
              name={profile.hcp.name}
              attributes={profile.attributes}
              canEdit={canWork}
              {...tenant}
            />
          ) : null}
          <ConsentCard
            npi={profile.hcp.npi}
            consent={profile.consent}
            history={profile.consentHistory}
            canRecord={profile.inMyTerritories}
            {...tenant}
          />
          <TasksCard tasks={profile.openTasks} today={today} {...tenant} />
          <TaxonomiesCard profile={profile} />
        </aside>
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <LocationsCard profile={profile} />
        <AffiliationsCard profile={profile} />
      </div>

      {admin ? <EraseHcpCard npi={profile.hcp.npi} /> : null}
    </div>
  );
}
