import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@shared/contracts/auth";
import { anonymousAgent, bearerFor, signedInAgent, type Agent } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";
import { listRoutes } from "../../test/routes-list";

/**
 * The intended role matrix of every /api/v1 route (function-level authorization, OWASP API5).
 *   public    – anyone, signed in or not
 *   signed-in – any role; anonymous → 401
 *   staff     – staff and admin; customer → 403; anonymous → 401
 *   admin     – admin only; customer and staff → 403; anonymous → 401
 * A mounted route missing here fails the test: add it with its intended access when you add the route.
 * Routes of the API that are not mounted yet are listed too, so their access is decided up front.
 */
type Access = "public" | "signed-in" | "staff" | "admin";
const ROLE_MATRIX: Record<string, Access> = {
  // Auth
  "GET /auth/csrf": "public",
  "POST /auth/register": "public",
  "POST /auth/login": "public",
  "POST /auth/logout": "public",
  "GET /auth/me": "signed-in",
  "GET /auth/session": "public",
  "POST /auth/token": "public",
  "POST /auth/token/refresh": "public",
  "POST /auth/token/revoke": "public",
  // Two-factor sign-in: managed by the signed-in user; verify completes a password sign-in
  "GET /auth/mfa": "signed-in",
  "POST /auth/mfa/setup": "signed-in",
  "POST /auth/mfa/enable": "signed-in",
  "POST /auth/mfa/disable": "signed-in",
  "POST /auth/mfa/verify": "public",
  // Accounts (issue 11): mailed links work signed out; self-service needs a sign-in
  "POST /auth/password/forgot": "public",
  "POST /auth/password/reset": "public",
  "POST /auth/email/verify": "public",
  "POST /auth/email/resend": "signed-in",
  "POST /auth/password/change": "signed-in",
  "PATCH /me": "signed-in",
  "DELETE /me": "signed-in",
  "POST /me/email": "signed-in",
  "GET /me/addresses": "signed-in",
  "POST /me/addresses": "signed-in",
  "PATCH /me/addresses/:id": "signed-in",
  "DELETE /me/addresses/:id": "signed-in",
  "GET /me/export": "signed-in",
  // Users admin API and audit log
  "GET /users": "admin",
  "GET /users/:id": "admin",
  "PATCH /users/:id": "admin",
  "DELETE /users/:id": "admin",
  "GET /audit": "admin",
  // Catalog reads are open; writes are admin
  "GET /sectors": "public",
  "GET /sectors/:id": "public",
  "GET /brands": "public",
  "GET /brands/:id": "public",
  "GET /products": "public",
  "GET /products/:id": "public",
  "GET /search/suggest": "public",
  "POST /sectors": "admin",
  "PATCH /sectors/:id": "admin",
  "DELETE /sectors/:id": "admin",
  "POST /brands": "admin",
  "PATCH /brands/:id": "admin",
  "DELETE /brands/:id": "admin",
  "POST /products": "admin",
  "PATCH /products/:id": "admin",
  "DELETE /products/:id": "admin",
  "POST /products/:id/stock": "admin",
  "POST /products/:id/variants/:variantId/stock": "admin",
  "GET /products/export.csv": "admin",
  "POST /products/import": "admin",
  // Product pictures (issue 12): the gallery is open; uploads and edits are admin
  "GET /products/:id/media": "public",
  "POST /products/:id/media": "admin",
  "PUT /products/:id/media/order": "admin",
  "PATCH /products/:id/media/:mediaId": "admin",
  "DELETE /products/:id/media/:mediaId": "admin",
  // Orders (the cart quote is public: shoppers price their cart before signing in)
  "POST /cart/quote": "public",
  // Guest checkout (issue 11): POST /orders is open (a guest must give an e-mail); an order opens with its guest token.
  "POST /orders": "public",
  "GET /orders": "signed-in",
  "GET /orders/:id": "public",
  "POST /orders/:id/status": "staff",
  "POST /orders/:id/cancel": "signed-in",
  // Staff-only in the service; the guard admits every signed-in user so a customer gets 404 for other people's orders.
  "GET /orders/:id/transactions": "signed-in",
  // Order conversations (issue 16 §2): the owner, staff, or a guest with the order's token; anyone else 404.
  "GET /orders/:id/messages": "public",
  "POST /orders/:id/messages": "public",
  "POST /orders/:id/messages/read": "public",
  // Staff notifications (issue 16 §1): each staff member's own; thresholds are admin.
  "GET /notifications": "staff",
  "POST /notifications/read-all": "staff",
  "GET /notifications/preferences": "staff",
  "PUT /notifications/preferences": "staff",
  "POST /notifications/:id/read": "staff",
  "PUT /products/:id/low-stock-threshold": "admin",
  // Failed jobs (dead letters): admin
  "GET /jobs/failed": "admin",
  "POST /jobs/:id/retry": "admin",
  // Runtime feature flags (open read, admin change) and the cache purge (issue 16 §4)
  "GET /settings/flags": "public",
  "PATCH /settings/flags": "admin",
  "POST /cache/purge": "admin",
  // Mail outbox and template previews, outgoing webhooks: admin
  "GET /mail/outbox": "admin",
  "GET /mail/outbox/:id": "admin",
  "GET /mail/previews": "admin",
  "GET /webhooks": "admin",
  "POST /webhooks": "admin",
  "PATCH /webhooks/:id": "admin",
  "DELETE /webhooks/:id": "admin",
  "POST /webhooks/:id/ping": "admin",
  "GET /webhooks/:id/deliveries": "admin",
  "POST /webhooks/:id/deliveries/:deliveryId/retry": "admin",
  // Dashboard metrics and API docs
  "GET /metrics/summary": "staff",
  "GET /openapi.json": "public",
  // A ticket for opening the WebSocket (session or bearer)
  "POST /realtime/ticket": "signed-in",
};

const allowedRoles: Record<Access, Array<Role | "anonymous">> = {
  public: ["anonymous", "customer", "staff", "admin"],
  "signed-in": ["customer", "staff", "admin"],
  staff: ["staff", "admin"],
  admin: ["admin"],
};

/** Routes that end the caller's session: each call gets a fresh agent. */
const ENDS_SESSION = new Set(["POST /auth/logout"]);
const ABSENT_ID = "6b0f3f0e-8d4c-4c1e-9a57-000000000001";
/**
 * Query strings a route needs to be reached as its access level intends: GET /orders/:id is public only with a
 * guest token (`?access=`); without one an anonymous caller is asked to sign in (401).
 */
const guestToken = `?access=${"x".repeat(43)}`;
const ROUTE_QUERY: Record<string, string> = {
  "GET /orders/:id": guestToken,
  "GET /orders/:id/messages": guestToken,
  "POST /orders/:id/messages": guestToken,
  "POST /orders/:id/messages/read": guestToken,
};

let t: TestApp;
let mounted: Array<{ key: string; method: string; url: string }>;

beforeAll(async () => {
  t = await createTestApp();
  mounted = listRoutes(t.app)
    .filter((r) => r.path.startsWith("/api/v1/"))
    .map((r) => {
      const relative = r.path.slice("/api/v1".length);
      const key = `${r.method} ${relative}`;
      return { key, method: r.method, url: `/api/v1${relative.replace(/:[A-Za-z_]\w*/g, ABSENT_ID)}${ROUTE_QUERY[key] ?? ""}` };
    });
});

type Caller = "anonymous" | Role;

function send(agent: Agent | ReturnType<typeof request>, method: string, url: string, authorization?: string) {
  const m = method.toLowerCase() as "get" | "post" | "patch" | "put" | "delete";
  let req = (agent as Agent)[m](url);
  if (authorization) req = req.set("Authorization", authorization);
  return m === "get" || m === "delete" ? req : req.send({});
}

/** "allowed" = the guard let the caller through: anything but 401/403 (validation errors and 404s included), never 5xx. */
function verdict(status: number): "allowed" | "401" | "403" | "5xx" {
  if (status === 401) return "401";
  if (status === 403) return "403";
  if (status >= 500) return "5xx";
  return "allowed";
}

const expected = (access: Access, caller: Caller) => (allowedRoles[access].includes(caller) ? "allowed" : caller === "anonymous" ? "401" : "403");

describe("role matrix", () => {
  it("when the routes are listed, then every mounted /api/v1 route has an intended access level", () => {
    expect(mounted.length).toBeGreaterThan(10);
    const missing = mounted.map((r) => r.key).filter((key) => !(key in ROLE_MATRIX));
    expect(missing, "add these routes to ROLE_MATRIX with their intended access").toEqual([]);
  });

  it("when every route is called with a session as anonymous, customer, staff and admin, then each answer matches the matrix", async () => {
    const sessionFor = async (caller: Caller) => (caller === "anonymous" ? (await anonymousAgent(t)).agent : (await signedInAgent(t, caller)).agent);
    const agents = new Map<Caller, Agent>();
    for (const caller of ["anonymous", "customer", "staff", "admin"] as const) agents.set(caller, await sessionFor(caller));

    const mismatches: string[] = [];
    for (const route of mounted) {
      const access = ROLE_MATRIX[route.key];
      if (!access) continue;
      for (const caller of ["anonymous", "customer", "staff", "admin"] as const) {
        const agent = ENDS_SESSION.has(route.key) ? await sessionFor(caller) : agents.get(caller)!;
        const res = await send(agent, route.method, route.url);
        const got = verdict(res.status);
        const want = expected(access, caller);
        if (got !== want) mismatches.push(`${route.key} as ${caller}: expected ${want}, got ${res.status} ${JSON.stringify(res.body?.error?.code ?? "")}`);
        if (got === "401") expect(res.body.error.code).toMatch(/^(unauthenticated|invalid_credentials)$/);
        if (got === "403") expect(res.body.error.code).toBe("forbidden");
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("when every route is called with a bearer token per role, then each answer matches the matrix too", async () => {
    const tokens = new Map<Role, string>();
    for (const role of ["customer", "staff", "admin"] as const) tokens.set(role, (await bearerFor(t, role)).authorization);
    const mismatches: string[] = [];
    for (const route of mounted) {
      const access = ROLE_MATRIX[route.key];
      if (!access) continue;
      for (const role of ["customer", "staff", "admin"] as const) {
        // Logout ends the token's access (issue 11 §8): it gets a user of its own.
        const authorization = ENDS_SESSION.has(route.key) ? (await bearerFor(t, role)).authorization : tokens.get(role);
        const res = await send(request(t.app), route.method, route.url, authorization);
        const got = verdict(res.status);
        const want = expected(access, role);
        if (got !== want) mismatches.push(`${route.key} as ${role} (bearer): expected ${want}, got ${res.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
