import { defineConfig } from "vite";

// The page is served by Planning.Server from its wwwroot (git-ignored), at "/",
// next to the gRPC-Web endpoints on the same origin.
export default defineConfig({
  base: "/",
  build: {
    outDir: "../src/Planning.Server/wwwroot",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2048,
    sourcemap: false,
  },
  server: {
    // `npm run dev`: the page on Vite, the API on a running server (scripts/server start).
    proxy: {
      "/planning.v1.": { target: process.env.PLANNING_WEB_URL ?? "http://127.0.0.1:5080", changeOrigin: false },
    },
  },
});
