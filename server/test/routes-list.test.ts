import express, { Router } from "express";
import { describe, expect, it } from "vitest";
import { listRoutes } from "./routes-list";

describe("listRoutes", () => {
  it("when routers are nested under mount paths, then each route is listed with its full path in Express and OpenAPI form", () => {
    const items = Router();
    items.get("/items/:itemId", (_req, res) => void res.end());
    items.all("/ping", (_req, res) => void res.end());
    const v1 = Router();
    v1.use(items);
    v1.use("/admin", items);
    const app = express();
    app.use("/api/v1", v1);

    expect(listRoutes(app)).toEqual([
      { method: "GET", path: "/api/v1/items/:itemId", openApiPath: "/api/v1/items/{itemId}" },
      { method: "ALL", path: "/api/v1/ping", openApiPath: "/api/v1/ping" },
      { method: "GET", path: "/api/v1/admin/items/:itemId", openApiPath: "/api/v1/admin/items/{itemId}" },
      { method: "ALL", path: "/api/v1/admin/ping", openApiPath: "/api/v1/admin/ping" },
    ]);
  });

  it("when a route has an optional group or a wildcard, then every concrete form is listed", () => {
    const router = Router();
    router.patch("/files{/:name}", (_req, res) => void res.end());
    router.get("/static/*rest", (_req, res) => void res.end());

    expect(listRoutes(router, "/api").map((r) => `${r.method} ${r.openApiPath}`)).toEqual([
      "PATCH /api/files",
      "PATCH /api/files/{name}",
      "GET /api/static/{rest}",
    ]);
  });
});
