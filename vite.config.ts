import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      "@shared": fileURLToPath(new URL("./shared", import.meta.url)),
      "@client": fileURLToPath(new URL("./client/src", import.meta.url)),
    },
  },
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: false,
    // .vite/manifest.json: the server reads it to modulepreload each page's chunk with the HTML (ADR 046).
    manifest: true,
    // Route-level lazy() imports do the splitting; the storefront entry stays small.
    chunkSizeWarningLimit: 600,
  },
});
