import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerMessageOf } from "@shared/realtime";
import { bearerFor } from "../../test/agents";
import { makeProduct } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { connect, type TestSocket } from "../../test/ws-client";
import { attachRealtime } from "./realtime.server";

// Issue 16 §3, ADR 071. With REDIS_URL (CI) the two admins' sockets are on two app instances sharing Redis, so the
// presence crosses replicas through the event bus; without Redis both are on one app.
let a: TestApp;
let b: TestApp;
const ports: number[] = [];

beforeAll(async () => {
  a = await createTestApp();
  b = process.env.REDIS_URL ? await createTestApp() : a;
  for (const app of new Set([a, b])) {
    const { server, port } = await app.listen();
    const realtime = attachRealtime(server, app.ctx, app.services);
    afterAll(() => realtime.close());
    ports.push(port);
  }
});

const portOf = (app: TestApp) => (app === a ? ports[0]! : ports.at(-1)!);
const names = (m: ServerMessageOf<"presence">) => m.editors.map((e) => e.name).join(",");

async function socketFor(app: TestApp, role: "admin" | "staff" | "customer", name: string): Promise<TestSocket> {
  const { accessToken } = await bearerFor(app, role, { name });
  return connect(portOf(app), { token: accessToken });
}

describe("presence on /ws", () => {
  it("when two admins open one product on two replicas, then each sees both; when one disconnects, the other sees it go", async () => {
    const product = await makeProduct(a.db);
    const resource = `product:${product.id}`;
    const sam = await socketFor(a, "admin", "Sam Presence");
    const kim = await socketFor(b, "admin", "Kim Presence");
    sam.send({ type: "presence.enter", resource });
    await sam.waitFor("presence", (m) => m.resource === resource && names(m) === "Sam Presence");
    kim.send({ type: "presence.enter", resource });
    const both = "Kim Presence,Sam Presence";
    const started = Date.now();
    await Promise.all([kim.waitFor("presence", (m) => names(m) === both), sam.waitFor("presence", (m) => names(m) === both)]);
    console.info(`presence across ${a === b ? "one app" : "two apps"}: ${Date.now() - started} ms`);

    const seen = sam.received("presence").length;
    await kim.close();
    await sam.waitFor("presence", (m) => names(m) === "Sam Presence" && sam.received("presence").indexOf(m) >= seen);
    sam.send({ type: "presence.leave", resource });
    await sam.close();
  });

  it("when a customer or staff member announces presence, then they get error/forbidden and admins never see them", async () => {
    const resource = `product:${crypto.randomUUID()}`;
    const admin = await socketFor(a, "admin", "Ann Presence");
    admin.send({ type: "presence.enter", resource });
    await admin.waitFor("presence", (m) => names(m) === "Ann Presence");
    for (const role of ["customer", "staff"] as const) {
      const socket = await socketFor(b, role, `Not ${role}`);
      socket.send({ type: "presence.enter", resource });
      expect((await socket.waitFor("error")).code).toBe("forbidden");
      expect(socket.received("presence")).toHaveLength(0);
      await socket.close();
    }
    expect(admin.received("presence").every((m) => names(m) === "Ann Presence")).toBe(true);
    await admin.close();
  });

  it("when the resource is not product:<id>, then the message is refused as malformed", async () => {
    const admin = await socketFor(a, "admin", "Val Presence");
    admin.send({ type: "presence.enter", resource: "order:42" });
    expect((await admin.waitFor("error")).code).toBe("validation_failed");
    await admin.close();
  });
});
