import { Card, CardContent, CardHeader, CardTitle } from "@pharmacrm/ui";
import { formatPhone, formatPlaceName, formatPostalCode } from "~/lib/format";
import { NppesSource } from "./source-footer";
import type { HcpIdentity, HcpProfile } from "./types";

interface Address {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  phone: string | null;
}

const practice = (h: HcpIdentity): Address => ({
  line1: h.practiceLine1,
  line2: h.practiceLine2,
  city: h.practiceCity,
  state: h.practiceState,
  postalCode: h.practicePostalCode,
  phone: h.practicePhone,
});

const mailing = (h: HcpIdentity): Address => ({
  line1: h.mailingLine1,
  line2: h.mailingLine2,
  city: h.mailingCity,
  state: h.mailingState,
  postalCode: h.mailingPostalCode,
  phone: h.mailingPhone,
});

const sameAddress = (a: Address, b: Address) =>
  a.line1 === b.line1 && a.line2 === b.line2 && a.city === b.city && a.state === b.state && a.postalCode?.slice(0, 5) === b.postalCode?.slice(0, 5);

function AddressBlock({ title, address }: { title: string; address: Address }) {
  const cityLine = [formatPlaceName(address.city), [address.state, formatPostalCode(address.postalCode)].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  const phone = formatPhone(address.phone);
  return (
    <div>
      <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">{title}</h3>
      {address.line1 || cityLine ? (
        <address className="mt-1 text-sm leading-relaxed text-slate-900 not-italic">
          {address.line1 ? <div>{formatPlaceName(address.line1)}</div> : null}
          {address.line2 ? <div>{formatPlaceName(address.line2)}</div> : null}
          {cityLine ? <div>{cityLine}</div> : null}
          {phone ? <div className="text-slate-500">{phone}</div> : null}
        </address>
      ) : (
        <p className="mt-1 text-sm text-slate-400">Not reported</p>
      )}
    </div>
  );
}

export function AddressesCard({ profile }: { profile: HcpProfile }) {
  return (
    <Card aria-labelledby="addresses-title" data-testid="addresses">
      <CardHeader>
        <CardTitle id="addresses-title">Addresses</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <AddressBlock title="Practice location" address={practice(profile.hcp)} />
        {sameAddress(practice(profile.hcp), mailing(profile.hcp)) ? (
          <div>
            <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Mailing</h3>
            <p className="mt-1 text-sm text-slate-500">Same as practice location</p>
          </div>
        ) : (
          <AddressBlock title="Mailing" address={mailing(profile.hcp)} />
        )}
      </CardContent>
      <NppesSource runs={profile.sources.nppes} />
    </Card>
  );
}
