import { TRPCReactProvider } from "~/trpc/react";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PharmaCRM", template: "%s · PharmaCRM" },
  description: "Physicians, territories, calls and consent for pharmaceutical field teams.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry the nonce of that response's Content-Security-Policy
  // (set in proxy.ts), which a page prerendered at build time could not know.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans text-sm antialiased">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
