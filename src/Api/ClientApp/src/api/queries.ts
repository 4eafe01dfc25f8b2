// Every operation the explorer sends. Named operations, so that they read well in the API's logs.

// For fields typed Actor: a fragment on a type that can never be an Actor is a validation error.
const actorBits = `
  id __typename name kind themes { domain }
  ... on Service { domain }`;

// For fields typed Node: any kind may come.
const nodeBits = `
  id __typename
  ... on Actor { name kind themes { domain } }
  ... on Service { domain }
  ... on Policy { name domains }
  ... on Theme { name domain }
  ... on Territory { name }
  ... on BeneficiaryGroup { name }`;

// A cooperation gap with its two ends and its reasons, the same wherever gaps are listed.
const gapBits = `
  score hops
  source { ${actorBits} }
  target { ${actorBits} }
  reasons { kind detail weight nodes { id ... on Actor { name } ... on Theme { name } ... on Policy { name } ... on Territory { name } } }`;

const linkFields = `
  id type since until kind intensity instrument amount year
  source { ${nodeBits} }
  target { ${nodeBits} }`;

export const overviewQuery = `query ExplorerOverview {
  authorityRanking(first: 5) { services serviceLinks authority { id name level territory { name } } }
}`;

export const authoritySearchQuery = `query ExplorerAuthoritySearch($text: String!) {
  actors(filter: { kinds: [AUTHORITY], text: $text }, first: 10) {
    nodes { id name ... on Authority { level territory { name } } }
  }
}`;

export const actorSearchQuery = `query ExplorerActorSearch($text: String!) {
  actors(filter: { text: $text }, first: 10) { nodes { id name kind territory { name } } }
}`;

export const transversalityQuery = `query ExplorerTransversality($id: ID!, $asOf: Date, $fromYear: Int!, $toYear: Int!, $surveyId: ID, $confirmedOnly: Boolean) {
  transversality(authorityId: $id, asOf: $asOf, surveyId: $surveyId, confirmedOnly: $confirmedOnly) {
    authority { id name }
    services { id }
    domains serviceLinks transversalLinks linkShare domainPairs coveredDomainPairs domainPairCoverage siloDomains eiIndex
    matrix { a b direct bridged covered directLinks { source { id ... on Actor { name } } target { id ... on Actor { name } } } bridgedBy { id name } }
    bridges(first: 5) { actor { ${actorBits} } domains domainPairs links }
    trend(fromYear: $fromYear, toYear: $toYear) { year serviceLinks transversalLinks linkShare domainPairCoverage }
  }
}`;

export const gapsQuery = `query ExplorerGaps($id: ID!, $asOf: Date) {
  cooperationGaps(scope: { authorityId: $id, asOf: $asOf }, first: 15) {
    totalCount
    nodes { ${gapBits} }
  }
  domainGaps(authorityId: $id, asOf: $asOf) {
    a b sharedThemes { id name } servicesA { id name } servicesB { id name }
  }
}`;

// The dashboard's gaps: those of the authority's own services first, then those between its partners.
export const serviceGapsQuery = `query ExplorerServiceGaps($id: ID!, $asOf: Date, $services: [ID!]!) {
  ofServices: cooperationGaps(scope: { authorityId: $id, asOf: $asOf }, first: 8, involving: $services) { totalCount nodes { ${gapBits} } }
  betweenPartners: cooperationGaps(scope: { authorityId: $id, asOf: $asOf }, first: 5, notInvolving: $services) { totalCount nodes { ${gapBits} } }
}`;

// An authority's money: its total, by year and by domain, and the actors it funds most.
export const fundingQuery = `query ExplorerFunding($id: ID!, $asOf: Date) {
  total: fundingSummary(scope: { authorityId: $id, asOf: $asOf }) { amount grants beneficiaries }
  byYear: fundingSummary(scope: { authorityId: $id, asOf: $asOf }, groupBy: [YEAR]) { groups(first: 15) { year amount grants } }
  byDomain: fundingSummary(scope: { authorityId: $id, asOf: $asOf }, groupBy: [DOMAIN]) { groups(first: 17) { domain amount grants } }
  top: fundingSummary(scope: { authorityId: $id, asOf: $asOf }, groupBy: [BENEFICIARY]) { groups(first: 5) { beneficiary { id ... on Actor { name } } amount grants } }
}`;

export const hotspotsQuery = `query ExplorerHotspots($id: ID!, $asOf: Date) {
  competitionHotspots(scope: { authorityId: $id, asOf: $asOf }, first: 5) {
    policy { id name } applicants applicantPairs cooperatingPairs cooperatingPairShare
  }
}`;

// The services only: their links come one service a request (neighbourhoodQuery), since one document asking
// for every service's 100 links is priced above the API's complexity limit.
export const authorityNetworkQuery = `query ExplorerAuthorityNetwork($id: ID!) {
  actor(id: $id) {
    ${actorBits}
    ... on Authority { services { ${actorBits} } }
  }
}`;

export const neighbourhoodQuery = `query ExplorerNeighbourhood($id: ID!) {
  node(id: $id) {
    ${nodeBits}
    ... on Actor { links(first: 100) { nodes { ${linkFields} } } }
    ... on Policy { links(first: 100) { nodes { ${linkFields} } } }
    ... on Theme { links(first: 100) { nodes { ${linkFields} } } }
  }
}`;

export const nodeDetailsQuery = `query ExplorerNodeDetails($id: ID!) {
  node(id: $id) {
    ${nodeBits}
    ... on Actor {
      description tags territory { name }
      themesFull: themes { id name domain }
      links(first: 100) { totalCount nodes { ${linkFields} } }
    }
    ... on Service { authority { id name } }
    ... on Authority { level }
    ... on SseActor { legalForm }
    ... on Policy { description instrument involvement { stage since group { id name } } links(first: 100) { totalCount nodes { ${linkFields} } } }
    ... on Theme { description }
  }
}`;

export const pathQuery = `query ExplorerPath($from: ID!, $to: ID!, $types: [LinkType!]) {
  path(from: $from, to: $to, linkTypes: $types, maxHops: 8) {
    hops
    nodes { ${nodeBits} }
    links { ${linkFields} }
  }
}`;

/** Whose data the answers include: the header says it once signed in. */
export const viewerQuery = `query Viewer { viewer { keyName seesEverything authority { id name } } }`;

export const surveysQuery = `query ExplorerSurveys($id: ID!) {
  viewer { canWrite seesEverything authority { id } }
  actor(id: $id) { ... on Authority { services { id name domain direction { id } } } }
  surveys(authorityId: $id) {
    id title status opensOn closesOn invited answered responseRate reciprocity
    respondents { service { id name } answeredAt declared }
    changes { previous { id title } appeared { source { name } target { name } } noLongerDeclared { source { name } target { name } } }
  }
}`;

export const surveyTrendQuery = `query ExplorerSurveyThenNow($id: ID!, $then: ID!, $now: ID!) {
  then: transversality(authorityId: $id, surveyId: $then) { linkShare serviceLinks }
  now: transversality(authorityId: $id, surveyId: $now) { linkShare serviceLinks }
}`;

export const createSurveyMutation = `mutation ExplorerCreateSurvey($input: CreateSurveyInput!) {
  createSurvey(input: $input) {
    survey { id }
    invitations { service { id name } url }
    errors { code message path }
  }
}`;

export const closeSurveyMutation = `mutation ExplorerCloseSurvey($id: ID!) { closeSurvey(id: $id) { id status } }`;

export const addServiceMutation = `mutation ExplorerAddService($input: [ActorInput!]!) {
  upsertActors(input: $input) { ids errors { code message path } }
}`;

export const territorySearchQuery = `query ExplorerTerritorySearch($text: String!) {
  territories(filter: { text: $text }, first: 10) { nodes { id name code level parent { name } } }
}`;

export const territoryRankingQuery = `query ExplorerTerritoryRanking($within: String) {
  territoryRanking(withinCode: $within, first: 12) { actors territory { id name code level } }
}`;

export const territoryQuery = `query ExplorerTerritory($id: ID!) {
  node(id: $id) { id ... on Territory { name code level parent { id name code level parent { id name code level } } } }
}`;

// The nodes carry what the network colours (by kind) and labels; the edges only their ends, which the nodes already
// describe: a few thousand of each stay within the API's complexity limit.
export const territoryNetworkQuery = `query ExplorerTerritoryNetwork($code: String!, $first: Int!) {
  scopeNetwork(scope: { territoryCode: $code }, first: $first) {
    actors actorsByKind { kind count } policies links isolated truncated
    nodes { id __typename ... on Actor { name kind } ... on Policy { name } }
    edges { id type since until kind intensity source { id } target { id } }
  }
}`;

export const territoryAnalysesQuery = `query ExplorerTerritoryAnalyses($code: String!) {
  brokers(scope: { territoryCode: $code }, first: 10) { betweenness bridgedDomainPairs actor { ${actorBits} } }
  cooperationGaps(scope: { territoryCode: $code }, first: 10) {
    totalCount
    nodes { ${gapBits} }
  }
}`;

export const labBalanceQuery = `query ExplorerLabBalance($id: ID!, $asOf: Date!) {
  labBalance(labId: $id, asOf: $asOf) {
    lab { id name founded } hosts { id name }
    inside outside insideShare imbalance decisionAccess outsideKinds { kind count }
    insidePartners { id name domain decisionMaking } outsidePartners { id name kind }
    trend { year inside outside insideShare }
  }
}`;

export const reachQuery = `query ExplorerReach($id: ID!) {
  node(id: $id) { id ... on Policy { name } ... on Service { name } }
  reach(from: $id) {
    establishments reached reachedEstablishments establishmentShare engaged engagedWithSse undated
    adoption { year engaged }
    establishmentList(first: 2000) { reached engaged engagedWithSse actor { id name territory { name } } }
    actors(first: 200) { establishment engaged actor { id name kind } }
  }
}`;

export const practicesQuery = `query ExplorerPractices($id: ID!) {
  instrumentComparison(scope: { authorityId: $id }) {
    instrument policies measured meanDifferenceInDifferences
    effects { policy { id name } startYear differenceInDifferences reason participants { size } comparison { size } }
  }
  participation(scope: { authorityId: $id }) {
    policies involving upstream evaluationOnly byStage { stage policies }
  }
}`;
