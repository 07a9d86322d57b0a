import type { RouterOutputs } from "~/trpc/react";

export type HcpProfile = RouterOutputs["hcp"]["byNpi"];
export type HcpIdentity = HcpProfile["hcp"];
export type HcpInteraction = HcpProfile["interactions"][number];
export type SourceRun = HcpProfile["sources"]["nppes"][number];
export type HcpPrescribing = HcpProfile["prescribing"];
export type HcpPayments = HcpProfile["payments"];
export type HcpLocation = HcpProfile["locations"][number];
export type HcpAffiliation = HcpProfile["affiliations"][number];
