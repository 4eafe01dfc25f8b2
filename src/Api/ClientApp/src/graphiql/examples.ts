// The example queries GraphiQL opens with, one tab each, on ids picked from the graph being served, so that each
// tab runs as it is on the demo data and on an imported graph alike. Arguments are written inline; an analyst turns
// them into variables when reusing a query.

/** The ids the examples need, picked from the served graph; any may be missing on a graph that lacks it. */
export interface ExampleIds {
  authorityId?: string;
  gapAuthorityId?: string;
  pathFrom?: string;
  pathTo?: string;
  territoryCode?: string;
}

/** What GraphiQL asks the API for before it opens: the most cooperative authorities, a few actors, a territory. */
export const exampleIdsQuery = `query ExampleIds {
  authorityRanking(first: 2) { authority { id territory { code } services { id } } }
  actors(first: 2) { nodes { id } }
  territories(first: 1) { nodes { code } }
}`;

interface ExampleIdsData {
  authorityRanking?: { authority: { id: string; territory?: { code: string } | null; services: { id: string }[] } }[];
  actors?: { nodes: { id: string }[] };
  territories?: { nodes: { code: string }[] };
}

/** The examples' subjects: the most cooperative authority and the next one, a path from one of its services to another actor, its territory. */
export function pickExampleIds(data: ExampleIdsData): ExampleIds {
  const ranked = (data.authorityRanking ?? []).map((r) => r.authority);
  const actors = (data.actors?.nodes ?? []).map((a) => a.id);
  const first = ranked[0];
  const second = ranked[1] ?? first;
  const pathFrom = first?.services[0]?.id ?? actors[0];
  const pathTo = [second?.services[0]?.id, ...actors].find((id) => id !== undefined && id !== pathFrom);
  return {
    authorityId: first?.id,
    gapAuthorityId: second?.id,
    pathFrom,
    pathTo,
    territoryCode: first?.territory?.code ?? data.territories?.nodes[0]?.code,
  };
}

const quoted = (value: string) => JSON.stringify(value);

/** The tabs for these ids; an example whose subject the graph lacks asks about the whole graph instead. */
export function exampleTabs(ids: ExampleIds): { query: string }[] {
  const tabs: { query: string }[] = [];
  tabs.push(
    ids.authorityId
      ? {
          query: `# Transversality of an authority: how far its services cooperate across their domains.
query Transversality {
  transversality(authorityId: ${quoted(ids.authorityId)}) {
    authority { name }
    linkShare domainPairCoverage siloDomains
    matrix { a b direct bridged covered }
    bridges(first: 3) { actor { name } domains }
  }
}`,
        }
      : {
          query: `# The size of the graph: no authority is known yet, so no transversality to show.
query Stats {
  graphStats { nodes links nodesByKind { kind count } }
}`,
        },
  );
  tabs.push({
    query: `# The best cooperation gaps${ids.gapAuthorityId ? " in an authority's circle" : ""}, with their reasons.
query TopGaps {
  cooperationGaps(${ids.gapAuthorityId ? `scope: { authorityId: ${quoted(ids.gapAuthorityId)} }, ` : ""}first: 5) {
    totalCount
    nodes { source { name } target { name } score reasons { kind detail } }
  }
}`,
  });
  if (ids.pathFrom && ids.pathTo) {
    tabs.push({
      query: `# A shortest path of cooperation between two actors (null when none joins them).
query PathBetween {
  path(from: ${quoted(ids.pathFrom)}, to: ${quoted(ids.pathTo)}) {
    hops
    nodes { id ... on Actor { name kind } }
  }
}`,
    });
  }
  tabs.push({
    query: `# Brokers: the actors that hold ${ids.territoryCode ? "a territory's" : "the graph's"} cooperation together.
query Brokers {
  brokers(${ids.territoryCode ? `scope: { territoryCode: ${quoted(ids.territoryCode)} }, ` : ""}first: 5) {
    actor { name kind } betweenness bridgedDomainPairs
  }
}`,
  });
  return tabs;
}
