import { describe, expect, it } from "vitest";
import { isSpecialHost, isSpecialIPv4, parseIPv4, parseIPv6 } from "./special-addresses";

describe("special-purpose addresses (IANA registries)", () => {
  it("parses IPv6 fully: ::, embedded IPv4, leading zeros; rejects malformed forms", () => {
    expect(parseIPv6("[::1]")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6("::ffff:169.254.169.254")).toEqual([0, 0, 0, 0, 0, 0xffff, 0xa9fe, 0xa9fe]);
    expect(parseIPv6("2001:0db8:0:0:0:0:0:0001")).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    for (const bad of ["1::2::3", "12345::", "1:2:3:4:5:6:7", "::g", "::1.2.3.256"])
      expect(parseIPv6(bad), bad).toBeNull();
  });

  it("IPv4 block edges: 198.18/15 ends at 198.19.255.255; 172.16/12 at 172.31.255.255", () => {
    const special = (s: string) => isSpecialIPv4(parseIPv4(s)!);
    expect(["198.18.0.1", "198.19.255.255", "172.31.0.1", "192.0.0.1", "100.127.255.255"].every(special)).toBe(true);
    expect(["198.20.0.1", "172.32.0.1", "192.0.1.1", "100.128.0.1", "8.8.8.8"].some(special)).toBe(false);
  });

  it("IPv6: only 2000::/3 outside the special blocks is public", () => {
    const cases: [string, boolean][] = [
      ["[2606:4700::1111]", false],
      ["[2a00:1450::1]", false],
      ["[64:ff9b::a9fe:a9fe]", true],
      ["[fe80::1]", true],
      ["[fc00::1]", true],
      ["[2002:a9fe:a9fe::]", true],
      ["[2001::1]", true],
      ["[2001:200::1]", false],
      ["[3fff::1]", true],
    ];
    for (const [h, special] of cases) expect(isSpecialHost(h), h).toBe(special);
  });
});
