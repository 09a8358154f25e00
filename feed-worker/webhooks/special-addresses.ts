// The addresses a public service must never call: the IANA IPv4 and IPv6 Special-Purpose Address Registries, plus
// multicast and reserved space. IPv6 is allowed only inside global unicast (2000::/3), which by itself excludes every
// form that embeds an IPv4 address outside it (::a.b.c.d, ::ffff:a.b.c.d, 64:ff9b::/96 NAT64).

/** IPv4 special-purpose blocks (RFC 6890 and its updates) plus 224/4 multicast and 240/4 reserved. */
const V4_BLOCKED = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.31.196.0/24",
  "192.52.193.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "192.175.48.0/24",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
].map((c) => {
  const [ip, bits] = c.split("/") as [string, string];
  return { base: parseIPv4(ip)!, bits: Number(bits) };
});

/** Special-purpose blocks inside 2000::/3: IETF protocol assignments (Teredo, ORCHID, benchmarking), documentation,
 * 6to4 (embeds IPv4), AS112 and the new documentation prefix. Everything outside 2000::/3 is refused outright. */
const V6_BLOCKED = ["2001::/23", "2001:db8::/32", "2002::/16", "2620:4f:8000::/48", "3fff::/20"].map((c) => {
  const [ip, bits] = c.split("/") as [string, string];
  return { base: parseIPv6(ip)!, bits: Number(bits) };
});

/** A dotted-decimal IPv4 address as an unsigned 32-bit number, else null. */
export function parseIPv4(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** An IPv6 address (brackets optional, `::` and a trailing dotted IPv4 allowed) as eight 16-bit groups, else null. */
export function parseIPv6(raw: string): number[] | null {
  let s = raw.replace(/^\[|\]$/g, "").toLowerCase();
  if (s.includes("%")) return null; // zone ids never appear in a URL host that reaches here
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = parseIPv4(v4[1]!);
    if (n === null) return null;
    s = `${s.slice(0, -v4[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0 || (halves.length === 1 && head.length !== 8)) return null;
  const all = [...head, ...Array<string>(fill).fill("0"), ...tail];
  if (all.length !== 8 || all.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

function inV6(a: number[], base: number[], bits: number): boolean {
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((a[i]! & mask) !== (base[i]! & mask)) return false;
  }
  return true;
}

/** True for an IPv4 address in a special-purpose, private, multicast or reserved block. */
export function isSpecialIPv4(n: number): boolean {
  return V4_BLOCKED.some(({ base, bits }) => bits === 0 || n >>> (32 - bits) === base >>> (32 - bits));
}

/** True for an IPv6 address outside global unicast 2000::/3 or in a special-purpose block inside it. */
export function isSpecialIPv6(groups: number[]): boolean {
  if ((groups[0]! & 0xe000) !== 0x2000) return true;
  return V6_BLOCKED.some(({ base, bits }) => inV6(groups, base, bits));
}

/** Names that resolve only inside a network (RFC 6761, RFC 8375, RFC 9476, common internal suffixes). */
const INTERNAL_SUFFIXES = [
  "localhost",
  "local",
  "internal",
  "intranet",
  "lan",
  "home",
  "corp",
  "private",
  "home.arpa",
  "arpa",
  "test",
  "invalid",
  "example",
  "onion",
  "alt",
];

/**
 * Whether a URL host (as `new URL().hostname` gives it: lower case, IDNA to punycode, IPv4 forms made dotted-decimal,
 * IPv6 bracketed and compressed) must not be called. Trailing dots are ignored ("localhost." is localhost).
 */
export function isSpecialHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.+$/, "");
  if (h.startsWith("[")) {
    const g = parseIPv6(h);
    return g === null || isSpecialIPv6(g);
  }
  const v4 = parseIPv4(h);
  if (v4 !== null) return isSpecialIPv4(v4);
  if (!h.includes(".")) return true; // a single label resolves through a search domain, i.e. internally
  return INTERNAL_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`));
}
