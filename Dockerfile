# syntax=docker/dockerfile:1
# FruitfulPlanet: one Node process serving the API, the built SPA and WebSockets on port 5000.
# Node 22 LTS although package.json allows >=20.19: Node 20 is end-of-life (docs/decisions/004-node-22-runtime-image.md).

# ---- build: all dependencies, compile the SPA (vite) and bundle the server (esbuild) ----
FROM node:22-slim AS build
WORKDIR /app
ENV CI=true \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: production dependencies + build output only ----
FROM node:22-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=5000 \
    HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY migrations ./migrations
# Without DATABASE_URL the server keeps an embedded PGlite database in ./data: make it writable
# for the unprivileged user (mount a volume there to keep it). Production sets DATABASE_URL.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 5000
# Slim images have no curl: ask Node itself (global fetch).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 5000) + '/api/health/liveness').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server/index.js"]
