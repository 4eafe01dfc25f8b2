// GraphiQL for analysts, bundled here (no CDN): the editor's workers come from this build too.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { runQuery } from "../api/client";
import { authorization, storedKey } from "../api/session";
import { exampleIdsQuery, exampleTabs, pickExampleIds, type ExampleIds } from "./examples";

// Signed in on the explorer (same tab), GraphiQL asks with the same key: an analyst sees what the explorer shows.
const fetcher = createGraphiQLFetcher({ url: `${window.location.origin}/graphql`, headers: authorization(storedKey()) });

async function open() {
  // The examples name ids of the graph being served; if they cannot be read, they ask about the whole graph.
  let ids: ExampleIds = {};
  try {
    ids = pickExampleIds(await runQuery(exampleIdsQuery, {}));
  } catch {
    ids = {};
  }
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultTabs={exampleTabs(ids)} />
    </StrictMode>,
  );
}

void open();
