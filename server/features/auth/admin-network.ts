import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";
import { trustProxySetting } from "../../env";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * ADMIN_ALLOWED_CIDRS (ADR 041): which client addresses may reach admin-only routes and the staff WebSocket
 * channels. An empty list allows every address. IPv4-mapped IPv6 ("::ffff:10.1.2.3", what a dual-stack socket
 * reports) is compared as the IPv4 address it carries.
 */
export function createAdminNetworkPolicy(cidrs: readonly string[]) {
  const ranges: Range[] = cidrs.map((cidr) => ipaddr.parseCIDR(cidr));
  return {
    enabled: ranges.length > 0,
    allows(address: string | undefined): boolean {
      if (ranges.length === 0) return true;
      if (!address || !ipaddr.isValid(address)) return false;
      const parsed = ipaddr.process(address);
      return ranges.some(([network, bits]) => parsed.kind() === network.kind() && parsed.match([network, bits] as never));
    },
  };
}
export type AdminNetworkPolicy = ReturnType<typeof createAdminNetworkPolicy>;

/** The client address of a WebSocket upgrade, by the same TRUST_PROXY rule Express applies to req.ip. */
export function upgradeClientAddress(req: IncomingMessage, trustProxy: string): string {
  const setting = trustProxySetting(trustProxy);
  const trust =
    typeof setting === "boolean" ? () => setting : typeof setting === "number" ? (_: string, hop: number) => hop < setting : proxyaddr.compile(setting);
  return proxyaddr(req, trust);
}
