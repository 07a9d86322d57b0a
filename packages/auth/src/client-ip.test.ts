import { describe, expect, it } from "vitest";

import { clientIp } from "./client-ip";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIp", () => {
  it("without a trusted proxy takes the address Next.js recorded (the last entry)", () => {
    expect(clientIp(headers("203.0.113.5"), 0)).toBe("203.0.113.5");
    expect(clientIp(headers("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(headers(), 0)).toBe("unknown");
  });

  it("behind N trusted proxies takes the address the outermost one saw, ignoring what the client wrote before it", () => {
    expect(clientIp(headers("1.1.1.1, 203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientIp(headers("1.1.1.1, 203.0.113.5, 10.0.0.2"), 2)).toBe("203.0.113.5");
    expect(clientIp(headers("203.0.113.5"), 3)).toBe("203.0.113.5");
  });

  it("an entry that is not an address is not a key", () => {
    expect(clientIp(headers("'; drop table--"), 0)).toBe("unknown");
    expect(clientIp(headers("[2001:db8::1]:443"), 0)).toBe("2001:db8::1");
  });
});
