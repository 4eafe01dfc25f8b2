// The example queries GraphiQL opens with, one tab each, on the demo data's ids.

export const exampleTabs: { query: string; variables?: string }[] = [
  {
    query: `# Transversality of an authority: how far its services cooperate across their domains.
query Transversality($authority: ID!) {
  transversality(authorityId: $authority) {
    authority { name }
    linkShare domainPairCoverage siloDomains
    matrix { a b direct bridged covered }
    bridges(first: 3) { actor { name } domains }
  }
}`,
    variables: `{ "authority": "auth:city-sa" }`,
  },
  {
    query: `# The best cooperation gaps in an authority's circle, with their reasons.
query TopGaps($authority: ID!) {
  cooperationGaps(scope: { authorityId: $authority }, first: 5) {
    totalCount
    nodes { source { name } target { name } score reasons { kind detail } }
  }
}`,
    variables: `{ "authority": "auth:dep-vc" }`,
  },
  {
    query: `# A shortest path of cooperation between two actors.
query PathBetween($from: ID!, $to: ID!) {
  path(from: $from, to: $to) {
    hops
    nodes { id ... on Actor { name kind } }
  }
}`,
    variables: `{ "from": "svc:city-ccas", "to": "uni:usa" }`,
  },
  {
    query: `# Brokers: the actors that hold a territory's cooperation together.
query Brokers($territory: String!) {
  brokers(scope: { territoryCode: $territory }, first: 5) {
    actor { name kind } betweenness bridgedDomainPairs
  }
}`,
    variables: `{ "territory": "R99" }`,
  },
];
