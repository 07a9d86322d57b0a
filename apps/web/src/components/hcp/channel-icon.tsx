import { Mail, Phone, Users, Video } from "lucide-react";

import type { CallChannel } from "@pharmacrm/domain/channels";

const icons = { in_person: Users, phone: Phone, video: Video, email: Mail } satisfies Record<CallChannel, unknown>;

export function ChannelIcon({ channel, className }: { channel: string; className?: string }) {
  const Icon = icons[channel as keyof typeof icons] ?? Users;
  return <Icon className={className} aria-hidden />;
}
