import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import type { LookupFunction } from "node:net";

/**
 * Webhook targets must be public addresses: an admin-supplied URL must never reach the database, the metadata
 * service or anything else on the private network (SSRF). Checked when an endpoint is saved AND on every
 * delivery, on the address the connection actually uses (a DNS answer may change between the two: rebinding).
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128],
  ["::", 96], // IPv4-compatible (deprecated)
  ["64:ff9b::", 96], // NAT64 (embeds an IPv4 address)
  ["64:ff9b:1::", 48],
  ["100::", 64], // discard
  ["2001::", 32], // Teredo
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4 (embeds an IPv4 address)
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;
const MAPPED_IPV4_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:127.0.0.1 or ::ffff:7f00:1), if it is one. */
function unmapIpv4(ip: string): string | undefined {
  const dotted = MAPPED_IPV4.exec(ip);
  if (dotted) return dotted[1];
  const hex = MAPPED_IPV4_HEX.exec(ip);
  if (!hex) return undefined;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

export function isPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = unmapIpv4(ip);
  if (mapped) return !blocked.check(mapped, "ipv4");
  const family = isIP(ip);
  if (family === 4) return !blocked.check(ip, "ipv4");
  if (family === 6) return !blocked.check(ip, "ipv6");
  return false;
}

export class UnsafeTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsafeTargetError";
  }
}

/** Every address a host name resolves to must be public (an IP literal is checked as is). */
export async function assertPublicHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await dnsLookup(host, { all: true, verbatim: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new UnsafeTargetError(`${host} does not resolve to any address`);
  const refused = addresses.find((a) => !isPublicAddress(a));
  if (refused) throw new UnsafeTargetError(`${host} resolves to ${refused}, a private, loopback or link-local address`);
}

/**
 * A `lookup` for http.request that resolves once and hands the socket only an address it has checked, so the
 * connection goes exactly where the check looked.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, verbatim: true, family: options.family as number | undefined }).then(
    (addresses) => {
      const safe = addresses.filter((a) => isPublicAddress(a.address));
      if (safe.length === 0) {
        const shown = addresses[0]?.address ?? "no address";
        return callback(new UnsafeTargetError(`${hostname} resolves to ${shown}, a private, loopback or link-local address`), "", 4);
      }
      if (options.all) return callback(null, safe);
      callback(null, safe[0]!.address, safe[0]!.family);
    },
    (err: NodeJS.ErrnoException) => callback(err, "", 4),
  );
};
