import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The page is served by Planning.Server from its wwwroot (git-ignored), at "/",
// next to the gRPC-Web endpoints on the same origin.
//
// Two entries: the page (index.html), and the browser tests' hooks (src/testhooks.ts →
// /test-hooks.js), which the page never loads: the tests import it into each page. Both share
// the page's modules (one state object), so the hooks add nothing to what a user downloads.
export default defineConfig({
  base: "/",
  build: {
    outDir: "../src/Planning.Server/wwwroot",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2048,
    sourcemap: false,
    rolldownOptions: {
      input: { index: here("index.html"), "test-hooks": here("src/testhooks.ts") },
      // The hooks may not decide what the page's chunks hold; strict keeps each entry's signatures as they are.
      preserveEntrySignatures: "strict",
      output: {
        entryFileNames: (chunk) => (chunk.name === "test-hooks" ? "test-hooks.js" : "assets/[name]-[hash].js"),
      },
    },
  },
  server: {
    // `npm run dev`: the page on Vite, the API on a running server (scripts/server start).
    proxy: {
      "/planning.v1.": { target: process.env.PLANNING_WEB_URL ?? "http://127.0.0.1:5080", changeOrigin: false },
      "/web-map-settings.json": { target: process.env.PLANNING_WEB_URL ?? "http://127.0.0.1:5080", changeOrigin: false },
    },
  },
});
