import { readFileSync } from "node:fs";
import { join } from "node:path";
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../lib/paths";
import { createTestApp } from "../../test/harness";
import { listRoutes, type MountedRoute } from "../../test/routes-list";
import { undocumentedRoutes } from "../../test/openapi-checks";
import { getOpenApiDocument } from "./openapi.document";
import { API_DOCS_PATH, OPENAPI_JSON_PATH } from "./openapi.routes";

/** Every API route the document must describe: all of /api except the document and the docs page themselves. */
const apiRoutes = (routes: MountedRoute[]) =>
  routes.filter((r) => r.path.startsWith("/api/") && r.path !== OPENAPI_JSON_PATH && !r.path.startsWith(`${API_DOCS_PATH}/`) && r.path !== API_DOCS_PATH);

describe("OpenAPI coverage", () => {
  it("when the app is built, then every mounted /api route is in the OpenAPI document", async () => {
    const { app } = await createTestApp();
    const routes = listRoutes(app);
    // The walk resolves mount prefixes of nested routers (health at /api/health, the document under /api/v1).
    expect(routes).toEqual(
      expect.arrayContaining([
        { method: "GET", path: "/api/health/readiness", openApiPath: "/api/health/readiness" },
        { method: "GET", path: OPENAPI_JSON_PATH, openApiPath: OPENAPI_JSON_PATH },
      ]),
    );
    expect(undocumentedRoutes(apiRoutes(routes), getOpenApiDocument())).toEqual([]);
  });

  it("when a route is mounted without documentation, then the coverage check reports it missing", () => {
    const undocumented = express.Router();
    undocumented.get("/products", (_req, res) => void res.end()); // documented: must not be reported
    undocumented.post("/widgets/:widgetId/polish", (_req, res) => void res.end());
    const outer = express.Router();
    outer.use("/api/v1", undocumented);

    expect(undocumentedRoutes(apiRoutes(listRoutes(outer)), getOpenApiDocument())).toEqual([
      { method: "POST", path: "/api/v1/widgets/:widgetId/polish", openApiPath: "/api/v1/widgets/{widgetId}/polish" },
    ]);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("when requested, then it answers the OpenAPI 3.1 document with the package version, and revalidates by ETag", async () => {
    const { app } = await createTestApp();
    const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
    const res = await request(app).get(OPENAPI_JSON_PATH);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.body.openapi).toBe("3.1.0");
    expect(res.body.info).toMatchObject({ title: "FruitfulPlanet API", version });
    expect(res.body.paths["/api/v1/products"].get.operationId).toBe("listProducts");

    const again = await request(app).get(OPENAPI_JSON_PATH).set("If-None-Match", res.headers.etag!);
    expect(again.status).toBe(304);
  });
});

describe("API docs page", () => {
  it("when opened, then it serves Swagger UI from local files with no inline script, under the strict CSP", async () => {
    const { app } = await createTestApp();
    const res = await request(app).get(API_DOCS_PATH);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    const directives = (res.headers["content-security-policy"] ?? "").split(";").map((d) => d.trim());
    expect(directives).toContain("script-src 'self'");
    const scripts = [...res.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1]!.trim())).toEqual([`src="${API_DOCS_PATH}/swagger-ui-bundle.js"`, `src="${API_DOCS_PATH}/init.js"`]);
    expect(scripts.every((m) => m[2]!.trim() === "")).toBe(true);
    expect(res.text).not.toMatch(/https?:\/\//);
  });

  it("when the page loads its files, then the init script points at the document and the Swagger UI assets are served", async () => {
    const { app } = await createTestApp();
    const init = await request(app).get(`${API_DOCS_PATH}/init.js`);
    expect(init.status).toBe(200);
    expect(init.headers["content-type"]).toMatch(/javascript/);
    expect(init.text).toContain(`url: "${OPENAPI_JSON_PATH}"`);
    expect(init.text).toContain('dom_id: "#swagger-ui"');

    const bundle = await request(app).get(`${API_DOCS_PATH}/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers["content-type"]).toMatch(/javascript/);
    const css = await request(app).get(`${API_DOCS_PATH}/swagger-ui.css`);
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toMatch(/^text\/css/);
  });

  it("when the package's Petstore demo files are asked for, then they are not served", async () => {
    const { app } = await createTestApp();
    for (const file of ["index.html", "swagger-initializer.js"]) {
      const res = await request(app).get(`${API_DOCS_PATH}/${file}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
  });
});
