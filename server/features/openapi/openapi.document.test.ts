import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../lib/paths";
import { documentProblems } from "../../test/openapi-checks";
import { buildOpenApiDocument, getOpenApiDocument, type OpenApiDocument } from "./openapi.document";

const operations = (document: OpenApiDocument) =>
  Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { responses?: Record<string, unknown> }>).map(([method, operation]) => ({ path, method, operation })),
  );

describe("OpenAPI document", () => {
  it("when built, then it is OpenAPI 3.1 titled FruitfulPlanet API with the package version and absolute paths", () => {
    const document = buildOpenApiDocument();
    const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: "FruitfulPlanet API", version });
    expect(document.servers).toEqual([{ url: "/" }]);
    expect(Object.keys(document.paths ?? {})).toEqual(
      expect.arrayContaining(["/api/health/liveness", "/api/health/readiness", "/api/v1/products", "/api/v1/products/{id}"]),
    );
  });

  it("when built, then it is structurally valid: responses everywhere, unique operationIds, every $ref resolves", () => {
    const document = buildOpenApiDocument();
    expect(documentProblems(document)).toEqual([]);
    expect(operations(document).length).toBeGreaterThanOrEqual(8);
  });

  it("when a document has a dangling $ref, a duplicate operationId or an operation without responses, then the check names each", () => {
    const broken = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/a/{id}": {
          get: {
            operationId: "same",
            responses: { 200: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Missing" } } } } },
          },
        },
        "/b": { get: { operationId: "same", responses: {} } },
      },
    } as unknown as OpenApiDocument;
    expect(documentProblems(broken)).toEqual([
      "GET /a/{id}: path parameters [] do not match the template [id]",
      "GET /b: no responses",
      "GET /b: operationId same is also used by GET /a/{id}",
      "#/paths/~1a~1{id}/get/responses/200/content/application~1json/schema: $ref #/components/schemas/Missing does not resolve",
    ]);
  });

  it("when an /api/v1 operation is documented, then its errors use the shared ErrorBody and it lists 429 and 500", () => {
    const document = buildOpenApiDocument();
    const v1 = operations(document).filter((o) => o.path.startsWith("/api/v1/"));
    expect(v1.length).toBeGreaterThan(0);
    for (const { path, method, operation } of v1) {
      const responses = operation.responses as Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
      expect(Object.keys(responses), `${method} ${path}`).toEqual(expect.arrayContaining(["429", "500"]));
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400)
          expect(response.content?.["application/json"]?.schema?.$ref, `${method} ${path} ${status}`).toBe("#/components/schemas/ErrorBody");
      }
    }
  });

  it("when coerced numbers are query parameters, then they are not documented as nullable", () => {
    const listProducts = buildOpenApiDocument().paths?.["/api/v1/products"]?.get;
    const minPrice = listProducts?.parameters?.find((p) => "name" in p && p.name === "minPrice") as { schema?: { type?: unknown } } | undefined;
    expect(minPrice?.schema?.type).toBe("integer");
  });

  it("when asked twice, then the cached document is the same object", () => {
    expect(getOpenApiDocument()).toBe(getOpenApiDocument());
  });
});
