// The example queries GraphiQL opens with, one tab each, on the demo data's ids. Arguments are written inline
// so that each tab runs as it is; an analyst turns them into variables when reusing a query.

export const exampleTabs: { query: string }[] = [
  {
    query: `# Transversality of an authority: how far its services cooperate across their domains.
query Transversality {
  transversality(authorityId: "auth:city-sa") {
    authority { name }
    linkShare domainPairCoverage siloDomains
    matrix { a b direct bridged covered }
    bridges(first: 3) { actor { name } domains }
  }
}`,
  },
  {
    query: `# The best cooperation gaps in an authority's circle, with their reasons.
query TopGaps {
  cooperationGaps(scope: { authorityId: "auth:dep-vc" }, first: 5) {
    totalCount
    nodes { source { name } target { name } score reasons { kind detail } }
  }
}`,
  },
  {
    query: `# A shortest path of cooperation between two actors.
query PathBetween {
  path(from: "svc:city-ccas", to: "uni:usa") {
    hops
    nodes { id ... on Actor { name kind } }
  }
}`,
  },
  {
    query: `# Brokers: the actors that hold a territory's cooperation together.
query Brokers {
  brokers(scope: { territoryCode: "R99" }, first: 5) {
    actor { name kind } betweenness bridgedDomainPairs
  }
}`,
  },
];
