import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Three pages, each its own bundle: the explorer (served at /), GraphiQL (served at /graphql to browsers) and the
// survey page a respondent opens from an invitation (served at /survey/<token>).
// Everything is bundled here so that the pages never fetch from another host.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      input: {
        explorer: resolve(import.meta.dirname, "index.html"),
        graphiql: resolve(import.meta.dirname, "graphiql.html"),
        survey: resolve(import.meta.dirname, "survey.html"),
      },
      // GraphiQL's modules start with React-compiler directives ("use no memo") that bundling drops harmlessly;
      // hiding that one warning keeps the build's output to what needs reading.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  server: {
    proxy: { "/graphql": "http://127.0.0.1:5080", "/api": "http://127.0.0.1:5080" },
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
