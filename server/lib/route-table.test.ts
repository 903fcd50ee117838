import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import express, { type RequestHandler } from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./app-error";
import { errorHandler } from "./error-handler";
import { createLogger } from "./logger";
import { requestId } from "./request-context";
import { bodyFormatsOf, mountRouteTable, pathsWhere, routeTable, type AccessGuards } from "./route-table";
import { registerRouteTable } from "./route-table-openapi";

const widget = z.object({ id: z.string(), name: z.string() });
const widgetCreate = z.object({ name: z.string().min(1) }).strict();

interface Widgets {
  create(name: string, actor: string): { id: string; name: string };
  remove(id: string): void;
}

const table = routeTable<Widgets>({ mount: "/api/v1", tag: { name: "Widgets", description: "Test widgets." }, commonErrors: true }, (route) => [
  route({
    method: "post",
    path: "/widgets",
    operationId: "createWidget",
    summary: "Create a widget",
    access: "admin",
    request: { body: widgetCreate, headers: z.object({ "X-Colour": z.enum(["red", "blue"]).optional() }) },
    responses: { 201: { description: "The widget.", schema: widget } },
    errors: [400, "forbidden"],
    handler: ({ body, user }, widgets) => widgets.create(body.name, user.id),
  }),
  route({
    method: "delete",
    path: "/widgets/:id",
    operationId: "deleteWidget",
    summary: "Delete a widget",
    access: "public",
    csrf: "exempt",
    request: { params: z.object({ id: z.string().regex(/^w\d+$/) }) },
    responses: { 204: { description: "Deleted." } },
    handler: ({ params }, widgets) => widgets.remove(params.id),
  }),
  route({
    method: "post",
    path: "/widgets/:id/notes",
    operationId: "importWidgetNotes",
    summary: "Import notes",
    access: "public",
    request: { body: z.string().max(20) },
    bodyFormat: { contentType: "text/plain", maxBytes: 64, unsupportedMessage: "Send text/plain." },
    responses: { 200: { description: "The notes, counted.", schema: z.object({ length: z.number() }) } },
    handler: ({ body }) => ({ length: body.length }),
  }),
]);

/** A stand-in for the auth guards: the x-role header is the caller's role. */
const roleGuard =
  (...roles: string[]): RequestHandler =>
  (req, _res, next) => {
    const role = req.get("x-role");
    if (!role) return next(new AppError("unauthenticated", "Sign in."));
    if (roles.length && !roles.includes(role)) return next(new AppError("forbidden", "Not allowed."));
    req.user = {
      id: "u1",
      email: "a@b.test",
      name: "A",
      role: role as "admin",
      version: 1,
      createdAt: new Date(0),
      tokensValidAfter: null,
      mfaEnabledAt: null,
      emailVerifiedAt: null,
    };
    next();
  };
const guards: AccessGuards = { signedIn: roleGuard(), staff: roleGuard("staff", "admin"), admin: roleGuard("admin") };

function appWith(widgets: Widgets) {
  const app = express();
  app.use(requestId, express.json());
  app.use("/api/v1", mountRouteTable(table, widgets, guards));
  app.use(errorHandler(createLogger("silent")));
  return app;
}

describe("route tables", () => {
  const removed: string[] = [];
  const app = appWith({ create: (name, actor) => ({ id: `w-${actor}`, name }), remove: (id) => void removed.push(id) });

  it("when a declared route is called, then the guard, the parsing and the declared success status apply", async () => {
    expect((await request(app).post("/api/v1/widgets").send({ name: "x" })).status).toBe(401);
    expect((await request(app).post("/api/v1/widgets").set("x-role", "staff").send({ name: "x" })).status).toBe(403);
    const invalid = await request(app).post("/api/v1/widgets").set("x-role", "admin").send({ name: "", extra: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe("validation_failed");
    const badHeader = await request(app).post("/api/v1/widgets").set("x-role", "admin").set("X-Colour", "green").send({ name: "x" });
    expect(badHeader.body.error.details[0].path).toBe("X-Colour");
    const created = await request(app).post("/api/v1/widgets").set("x-role", "admin").send({ name: "x" });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: "w-u1", name: "x" });
  });

  it("when a 204 route's handler returns nothing, then the answer is 204 without a body", async () => {
    const res = await request(app).delete("/api/v1/widgets/w7");
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(removed).toEqual(["w7"]);
    expect((await request(app).delete("/api/v1/widgets/nope")).status).toBe(400);
  });

  it("when a route declares a non-JSON body, then it parses that type with its own limit and answers 415 to others", async () => {
    const ok = await request(app).post("/api/v1/widgets/w1/notes").set("Content-Type", "text/plain").send("hello");
    expect(ok.body).toEqual({ length: 5 });
    const json = await request(app).post("/api/v1/widgets/w1/notes").send({ notes: "hello" });
    expect(json.status).toBe(415);
    expect(json.body.error.message).toBe("Send text/plain.");
    expect((await request(app).post("/api/v1/widgets/w1/notes").set("Content-Type", "text/plain").send("x".repeat(100))).status).toBe(413);
  });

  it("when the app-level middleware asks, then CSRF rules and body formats come from the declarations", () => {
    expect(pathsWhere([table], (route) => route.csrf === "exempt")).toEqual(["/api/v1/widgets/:id"]);
    const [format] = bodyFormatsOf([table]);
    expect(format?.type).toBe("text/plain");
    expect(format?.path.test("/api/v1/widgets/w1/notes")).toBe(true);
    expect(format?.path.test("/api/v1/widgets/w1/notes/more")).toBe(false);
  });

  it("when documented, then each route is one operation with its schemas, derived security and the common errors", () => {
    const registry = new OpenAPIRegistry();
    registerRouteTable(registry, table);
    const paths = new OpenApiGeneratorV31(registry.definitions).generateDocument({ openapi: "3.1.0", info: { title: "t", version: "1" } }).paths ?? {};
    const create = paths["/api/v1/widgets"]?.post;
    expect(create?.security).toEqual([{ sessionCookie: [], csrfToken: [] }, { bearerAuth: [] }]);
    expect(Object.keys(create?.responses ?? {})).toEqual(["201", "400", "403", "429", "500"]);
    expect(create?.parameters).toEqual([expect.objectContaining({ in: "header", name: "X-Colour" })]);
    const remove = paths["/api/v1/widgets/{id}"]?.delete;
    expect(remove?.security).toEqual([]);
    expect(remove?.parameters).toEqual([expect.objectContaining({ in: "path", name: "id" })]);
    const notesBody = paths["/api/v1/widgets/{id}/notes"]?.post?.requestBody as { content?: Record<string, unknown> } | undefined;
    expect(Object.keys(notesBody?.content ?? {})).toEqual(["text/plain"]);
  });
});
