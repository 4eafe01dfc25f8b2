// The network the explorer draws: the nodes and links gathered from the API (an authority's services,
// expanded neighbourhoods, a path, cooperation gaps), and the elements shown under the view's filters.
import type { CooperationGap, LinkData, NodeRef } from "../api/types";
import { domainColour, kindColour, kindShape } from "./palette";

export interface GraphNode {
  id: string;
  name: string;
  kind: string;
  domains: string[];
  primaryDomain: string | undefined;
}

export interface GraphLink {
  id: string;
  type: string;
  source: string;
  target: string;
  since: string | null;
  until: string | null;
  kind: string | null;
  intensity: number | null;
  transversal: boolean;
}

export interface GapEdge {
  source: string;
  target: string;
  score: number;
}

const kindOfTypename: Record<string, string> = {
  Authority: "AUTHORITY", Service: "SERVICE", SseActor: "SSE_ACTOR", University: "UNIVERSITY",
  InnovationLab: "INNOVATION_LAB", Organisation: "ORGANISATION", Establishment: "ESTABLISHMENT", Policy: "POLICY", Theme: "THEME", Territory: "TERRITORY", BeneficiaryGroup: "BENEFICIARY_GROUP",
};

/** A node's domains as the API defines them: a service's domain, a policy's or theme's own, else its themes'. */
export function nodeDomains(node: NodeRef): string[] {
  if (node.domain) return [node.domain];
  if (node.domains) return [...node.domains];
  const counts = new Map<string, number>();
  for (const theme of node.themes ?? []) counts.set(theme.domain, (counts.get(theme.domain) ?? 0) + 1);
  // Most frequent first, so that the first is the node's primary domain (ties in domain order).
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d);
}

export function toGraphNode(node: NodeRef): GraphNode {
  const domains = nodeDomains(node);
  return {
    id: node.id,
    name: node.name ?? node.id,
    kind: node.kind ?? kindOfTypename[node.__typename] ?? "THEME",
    domains,
    primaryDomain: domains[0],
  };
}

/** A COOPERATES_WITH link whose two ends both have domains and share none. */
export function isTransversal(type: string, a: string[], b: string[]): boolean {
  return type === "COOPERATES_WITH" && a.length > 0 && b.length > 0 && !a.some((d) => b.includes(d));
}

/** Whether a link is valid on 31 December of the year (the API's trend uses the same day). */
export function validInYear(link: Pick<GraphLink, "since" | "until">, year: number | null): boolean {
  if (year === null) return true;
  const day = `${year}-12-31`;
  return (link.since === null || link.since <= day) && (link.until === null || link.until >= day);
}

export interface ViewFilter {
  colour: "domain" | "kind";
  domains: string[];
  types: string[];
  year: number | null;
  gaps: boolean;
  path: string[];
  keep: string[];
}

export interface Element {
  group: "nodes" | "edges";
  data: Record<string, unknown>;
  classes: string;
}

export class GraphModel {
  readonly nodes = new Map<string, GraphNode>();
  readonly links = new Map<string, GraphLink>();
  gapEdges: GapEdge[] = [];
  // Nodes held only as ends of the current gaps: new gaps (another year, another authority) replace them.
  private gapOnly = new Set<string>();

  addNode(node: NodeRef): void {
    this.gapOnly.delete(node.id);
    this.put(node);
  }

  private put(node: NodeRef): void {
    const existing = this.nodes.get(node.id);
    const incoming = toGraphNode(node);
    // A node met through a thin reference must not lose the domains a fuller one gave.
    if (!existing || (existing.domains.length === 0 && incoming.domains.length > 0)) this.nodes.set(node.id, incoming);
  }

  addLink(link: LinkData): void {
    this.addNode(link.source);
    this.addNode(link.target);
    const source = this.nodes.get(link.source.id)!;
    const target = this.nodes.get(link.target.id)!;
    this.links.set(link.id, {
      id: link.id, type: link.type, source: source.id, target: target.id, since: link.since, until: link.until,
      kind: link.kind, intensity: link.intensity, transversal: isTransversal(link.type, source.domains, target.domains),
    });
  }

  setGaps(gaps: CooperationGap[]): void {
    for (const id of this.gapOnly) this.nodes.delete(id);
    this.gapOnly.clear();
    for (const gap of gaps) {
      for (const end of [gap.source, gap.target]) {
        if (!this.nodes.has(end.id)) this.gapOnly.add(end.id);
        this.put(end);
      }
    }
    this.gapEdges = gaps.map((g) => ({ source: g.source.id, target: g.target.id, score: g.score }));
  }

  /** The domains of the nodes held, in the API's order of first appearance, for the legend and filters. */
  domainsPresent(): string[] {
    const seen = new Set<string>();
    for (const node of this.nodes.values()) for (const d of node.domains) seen.add(d);
    return [...seen];
  }

  kindsPresent(): string[] {
    return [...new Set([...this.nodes.values()].map((n) => n.kind))];
  }

  typesPresent(): string[] {
    return [...new Set([...this.links.values()].map((l) => l.type))];
  }

  /** The earliest year a held link starts, for the "as of" slider's lower end. */
  firstYear(): number | null {
    let first: number | null = null;
    for (const link of this.links.values()) {
      const year = link.since ? Number(link.since.slice(0, 4)) : NaN;
      if (!Number.isNaN(year) && (first === null || year < first)) first = year;
    }
    return first;
  }

  /** The elements to draw under a filter: links valid in the year and of the types shown, between nodes shown. */
  elements(filter: ViewFilter): Element[] {
    const keep = new Set([...filter.keep, ...filter.path]);
    const nodeShown = (n: GraphNode) =>
      keep.has(n.id) || filter.domains.length === 0 || n.domains.some((d) => filter.domains.includes(d));
    const shown = new Set([...this.nodes.values()].filter(nodeShown).map((n) => n.id));
    const onPath = new Set(filter.path);
    const pathPairs = new Set(filter.path.slice(1).map((id, i) => pairKey(filter.path[i]!, id)));

    const edges: Element[] = [];
    const linked = new Set<string>();
    for (const link of this.links.values()) {
      if (!shown.has(link.source) || !shown.has(link.target)) continue;
      if (filter.types.length > 0 && !filter.types.includes(link.type)) continue;
      if (!validInYear(link, filter.year)) continue;
      linked.add(link.source);
      linked.add(link.target);
      const classes = [link.type === "COOPERATES_WITH" ? "cooperation" : "other"];
      if (link.transversal) classes.push("transversal");
      if (pathPairs.has(pairKey(link.source, link.target))) classes.push("path");
      edges.push({ group: "edges", data: { id: `l:${link.id}`, source: link.source, target: link.target, type: link.type, intensity: link.intensity ?? 1 }, classes: classes.join(" ") });
    }
    if (filter.gaps) {
      for (const gap of this.gapEdges) {
        if (!shown.has(gap.source) || !shown.has(gap.target)) continue;
        linked.add(gap.source);
        linked.add(gap.target);
        edges.push({ group: "edges", data: { id: `gap:${gap.source}|${gap.target}`, source: gap.source, target: gap.target, score: gap.score }, classes: "gap" });
      }
    }
    // Under a year, nodes left without any link disappear too, so that the replay shows the network growing.
    const nodes: Element[] = [...this.nodes.values()]
      .filter((n) => shown.has(n.id) && (filter.year === null || linked.has(n.id) || keep.has(n.id)))
      .map((n) => ({
        group: "nodes",
        data: {
          id: n.id, label: n.name, kind: n.kind, domain: n.primaryDomain ?? "",
          colour: filter.colour === "domain" ? domainColour(n.primaryDomain) : kindColour(n.kind),
          shape: kindShape(n.kind),
        },
        classes: [onPath.has(n.id) ? "path" : "", keep.has(n.id) ? "kept" : ""].filter(Boolean).join(" "),
      }));
    return [...nodes, ...edges];
  }
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
