import express, { Router } from "express";
// The deep import: the package's index.js would also load the 1.5 MB browser bundle into the server.
import getAbsoluteFSPath from "swagger-ui-dist/absolute-path.js";

// The generator (zod-to-openapi) and the document load on the first request for it, not at boot (ADR 077).
const loadDocument = () => import("./openapi.document");

export const OPENAPI_JSON_PATH = "/api/v1/openapi.json";
/** The human docs live beside the versioned API, not in it: every /api/v1 route is part of the document. */
export const API_DOCS_PATH = "/api/docs";

/** Mounted at /api/v1: the machine-readable document. */
export function openApiRoutes(): Router {
  const router = Router();
  router.get("/openapi.json", async (_req, res) => {
    const { getOpenApiJson } = await loadDocument();
    // Built once per process; the ETag lets clients revalidate cheaply.
    res.setHeader("Cache-Control", "no-cache");
    res.type("application/json").send(getOpenApiJson());
  });
  return router;
}

// The CSP allows only same-origin script files (no inline script), so the page loads its init code as a file.
const docsPage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>FruitfulPlanet API docs</title>
  <link rel="stylesheet" href="${API_DOCS_PATH}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${API_DOCS_PATH}/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <main id="swagger-ui"></main>
  <script src="${API_DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${API_DOCS_PATH}/init.js"></script>
</body>
</html>
`;

// validatorUrl: null — the default would call an external validator, which the CSP (and the network) forbid.
const initScript = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(OPENAPI_JSON_PATH)},
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
});
`;

/** swagger-ui-dist's own demo page and initializer point at the Petstore; never serve them. */
const STOCK_FILES = new Set(["/index.html", "/swagger-initializer.js"]);

/** Mounted at API_DOCS_PATH: Swagger UI from the installed swagger-ui-dist (no CDN). */
export function apiDocsRoutes(): Router {
  const router = Router();
  router.get("/", (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.type("html").send(docsPage);
  });
  router.get("/init.js", (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.type("application/javascript").send(initScript);
  });
  router.use((req, _res, next) => next(STOCK_FILES.has(req.path) ? "router" : undefined));
  router.use(express.static(getAbsoluteFSPath(), { index: false, redirect: false }));
  return router;
}
