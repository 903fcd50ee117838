import { describe, expect, it } from "vitest";
import { assertPublicHost, isPublicAddress } from "./webhooks.ssrf";

describe("webhook target addresses", () => {
  it("when an address is loopback, private, link-local or reserved (IPv4, IPv6 and mapped forms), then it is refused", () => {
    for (const ip of [
      "127.0.0.1",
      "127.8.9.10",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fe80::1%eth0",
      "fc00::1",
      "fd12:3456::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
      "::ffff:a9fe:a9fe",
      "[::1]",
      "64:ff9b::7f00:1",
      "2002:7f00:1::1",
      "not-an-ip",
    ])
      expect(isPublicAddress(ip), ip).toBe(false);
  });

  it("when an address is public, then it is allowed", () => {
    for (const ip of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(isPublicAddress(ip), ip).toBe(true);
  });

  it("when a host name resolves to loopback, then it is refused", async () => {
    await expect(assertPublicHost("localhost")).rejects.toThrow(/loopback/);
    await expect(assertPublicHost("127.0.0.1")).rejects.toThrow(/127\.0\.0\.1/);
    await expect(assertPublicHost("[::1]")).rejects.toThrow(/::1/);
  });
});
