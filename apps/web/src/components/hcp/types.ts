import type { RouterOutputs } from "~/trpc/react";

export type HcpProfile = RouterOutputs["hcp"]["byNpi"];
export type HcpIdentity = HcpProfile["hcp"];
export type HcpInteraction = HcpProfile["interactions"][number];
