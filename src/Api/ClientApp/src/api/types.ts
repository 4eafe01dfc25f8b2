// The shapes of the responses the explorer asks for (see queries.ts); names follow the schema.

export type Domain = string;
export type Kind = "AUTHORITY" | "SERVICE" | "SSE_ACTOR" | "UNIVERSITY" | "INNOVATION_LAB" | "ORGANISATION" | "ESTABLISHMENT" | "POLICY" | "THEME" | "TERRITORY" | "BENEFICIARY_GROUP";

export interface NodeRef {
  id: string;
  __typename: string;
  name?: string;
  kind?: Kind;
  domain?: Domain;
  domains?: Domain[];
  themes?: { domain: Domain }[];
}

export interface LinkData {
  id: string;
  type: string;
  since: string | null;
  until: string | null;
  kind: string | null;
  intensity: number | null;
  instrument?: string | null;
  amount?: number | string | null;
  year?: number | null;
  source: NodeRef;
  target: NodeRef;
}

export interface AuthorityChoice {
  id: string;
  name: string;
  level?: string;
  territory?: { name: string } | null;
}

export interface AuthorityRank {
  authority: AuthorityChoice;
  services: number;
  serviceLinks: number;
}

export interface MatrixCell {
  a: Domain;
  b: Domain;
  direct: number;
  bridged: number;
  covered: boolean;
  directLinks: { source: { id: string; name?: string }; target: { id: string; name?: string } }[];
  bridgedBy: { id: string; name: string }[];
}

export interface TrendPoint {
  year: number;
  serviceLinks: number;
  transversalLinks: number;
  linkShare: number;
  domainPairCoverage: number;
}

export interface Transversality {
  authority: { id: string; name: string };
  services: { id: string }[];
  domains: Domain[];
  serviceLinks: number;
  transversalLinks: number;
  linkShare: number;
  domainPairs: number;
  coveredDomainPairs: number;
  domainPairCoverage: number;
  siloDomains: Domain[];
  eiIndex: number | null;
  matrix: MatrixCell[];
  bridges: { actor: NodeRef; domains: Domain[]; domainPairs: number; links: number }[];
  trend: TrendPoint[];
}

export interface GapReason {
  kind: string;
  detail: string;
  weight: number;
  nodes: { id: string; name?: string }[];
}

export interface CooperationGap {
  source: NodeRef;
  target: NodeRef;
  score: number;
  hops: number | null;
  reasons: GapReason[];
}

export interface DomainGap {
  a: Domain;
  b: Domain;
  sharedThemes: { id: string; name: string }[];
  servicesA: { id: string; name: string }[];
  servicesB: { id: string; name: string }[];
}

export interface FundingRow {
  year: number | null;
  domain: string | null;
  beneficiary: { id: string; name: string } | null;
  amount: number;
  grants: number;
}

export interface FundingData {
  total: { amount: number; grants: number; beneficiaries: number };
  byYear: { groups: FundingRow[] };
  byDomain: { groups: FundingRow[] };
  top: { groups: FundingRow[] };
}

export interface Hotspot {
  policy: { id: string; name: string };
  applicants: number;
  applicantPairs: number;
  cooperatingPairs: number;
  cooperatingPairShare: number;
}

export interface NodeDetails extends NodeRef {
  description?: string | null;
  tags?: string[];
  territory?: { name: string } | null;
  themesFull?: { id: string; name: string; domain: Domain }[];
  authority?: { id: string; name: string } | null;
  legalForm?: string;
  level?: string;
  instrument?: string;
  involvement?: { stage: string; since: string | null; group: { id: string; name: string } }[];
  links?: { totalCount: number; nodes: LinkData[] };
}

export interface PathResult {
  hops: number;
  nodes: NodeRef[];
  links: LinkData[];
}

export interface TerritoryRef {
  id: string;
  name: string;
  code: string;
  level: string;
  parent?: TerritoryRef | null;
}

export interface TerritoryActors {
  actors: number;
  territory: TerritoryRef;
}

export interface ScopeNetwork {
  actors: number;
  actorsByKind: { kind: string; count: number }[];
  policies: number;
  links: number;
  isolated: number;
  truncated: boolean;
  nodes: NodeRef[];
  edges: (Omit<LinkData, "source" | "target"> & { source: { id: string }; target: { id: string } })[];
}

export interface BrokerRow {
  betweenness: number;
  bridgedDomainPairs: number;
  actor: NodeRef;
}

export interface LabBalanceData {
  lab: { id: string; name: string; founded: string | null };
  hosts: { id: string; name: string }[];
  inside: number;
  outside: number;
  insideShare: number | null;
  imbalance: number | null;
  decisionAccess: boolean;
  outsideKinds: { kind: string; count: number }[];
  insidePartners: { id: string; name: string; domain: Domain; decisionMaking: boolean }[];
  outsidePartners: { id: string; name: string; kind: string }[];
  trend: { year: number; inside: number; outside: number; insideShare: number | null }[];
}

export interface ReachData {
  establishments: number;
  reached: number;
  reachedEstablishments: number;
  establishmentShare: number | null;
  engaged: number;
  engagedWithSse: number;
  undated: number;
  adoption: { year: number; engaged: number }[];
  establishmentList: { reached: boolean; engaged: boolean; engagedWithSse: boolean; actor: { id: string; name: string; territory?: { name: string } | null } }[];
  actors: { establishment: boolean; engaged: boolean; actor: { id: string; name: string; kind: string } }[];
}

export interface PracticesData {
  instrumentComparison: {
    instrument: string;
    policies: number;
    measured: number;
    meanDifferenceInDifferences: number | null;
    effects: { policy: { id: string; name: string }; startYear: number | null; differenceInDifferences: number | null; reason: string | null; participants: { size: number }; comparison: { size: number } }[];
  }[];
  participation: { policies: number; involving: number; upstream: number; evaluationOnly: number; byStage: { stage: string; policies: number }[] };
}
