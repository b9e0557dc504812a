/**
 * Builds the member's page into web/dist, which the Worker serves as static assets: app.js and app.css (stable
 * names the server-rendered pages link to), sw.js, and one chunk per country's rule pack and per language.
 */
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { precacheManifest } from "./web/precache-plugin";

export default defineConfig({
  root: "web",
  publicDir: "public",
  plugins: [preact({ prerender: { enabled: false } }), precacheManifest()],
  define: { __BUILD_ID__: JSON.stringify(Date.now().toString(36)) },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    cssCodeSplit: false,
    modulePreload: false,
    rollupOptions: {
      input: { app: "web/src/main.tsx", sw: "web/src/sw.ts", "org-import": "web/src/org/import-xlsx.ts" },
      output: {
        entryFileNames: "[name].js",
        chunkFileNames: "chunks/[name]-[hash].js",
        assetFileNames: (a) => (a.names?.some((n) => n.endsWith(".css")) ? "app.css" : "assets/[name]-[hash][extname]"),
      },
    },
  },
});
