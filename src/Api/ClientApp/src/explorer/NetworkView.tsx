// The network: an authority's services and partners (or an actor's neighbourhood), expanded on demand,
// with gaps as dashed suggestions, a path between two actors, filters, an "as of" year and exports.
import cytoscape, { type Core } from "cytoscape";
import { useEffect, useMemo, useRef, useState } from "react";
import { runQuery } from "../api/client";
import { actorSearchQuery, authorityNetworkQuery, neighbourhoodQuery, pathQuery } from "../api/queries";
import type { LinkData, NodeRef, PathResult } from "../api/types";
import { spreadsheetCsv } from "../logic/csv";
import { downloadBlob } from "../logic/download";
import { count, num } from "../logic/format";
import { reasonText } from "../logic/reasons";
import { GraphModel } from "../logic/graphModel";
import { allLinkTypes, domainName, kindName, linkTypeName, type Lang, type Words } from "../logic/i18n";
import { domainColour, kindColour } from "../logic/palette";
import type { ViewState } from "../logic/viewState";
import { networkStyle } from "./cytoscapeStyle";
import type { GapsData } from "./Dashboard";
import { actorSearch, SearchBox } from "./SearchBox";
import { SidePanel } from "./SidePanel";
import type { QueryState } from "./useQuery";

interface RootData { actor?: NodeRef & { services?: NodeRef[] } | null }
interface NeighbourhoodData { node: (NodeRef & { links?: { nodes: LinkData[] } }) | null }

export function NetworkView({ root, state, gaps, lang, t, update }: {
  root: string;
  state: ViewState;
  gaps: QueryState<GapsData>;
  lang: Lang;
  t: Words;
  update: (change: Partial<ViewState>) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const model = useMemo(() => new GraphModel(), [root]);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [path, setPath] = useState<PathResult | null | undefined>(undefined);
  const [expanded, setExpanded] = useState<string[]>([]);
  // Said when "show its neighbours" brought nothing the network did not already hold.
  const [nothingNew, setNothingNew] = useState<string | null>(null);
  // What is drawn, and for which root: until the new root's network is drawn, the old counts are not this view's.
  const [counts, setCounts] = useState({ root: "", nodes: 0, edges: 0, gaps: 0 });
  const select = (id: string | null) => update({ focus: id });

  // The page makes room for the side panel while it is open (see explorer.css), so that it covers no control.
  useEffect(() => {
    document.body.classList.toggle("with-panel", state.focus !== null);
    // The canvas changed width: cytoscape only watches the window, so it is told.
    const frame = requestAnimationFrame(() => cy.current?.resize());
    return () => {
      cancelAnimationFrame(frame);
      document.body.classList.remove("with-panel");
    };
  }, [state.focus]);

  // The keyboard's place in the canvas: arrows move it to the nearest node that way, Enter opens its panel.
  const [cursor, setCursor] = useState<{ id: string; name: string } | null>(null);
  const onCanvasKey = (event: React.KeyboardEvent) => {
    const instance = cy.current;
    if (!instance) return;
    if (event.key === "Enter" || event.key === " ") {
      if (cursor) { event.preventDefault(); select(cursor.id); }
      return;
    }
    if (event.key === "Escape") { select(null); return; }
    const direction = arrowDirections[event.key];
    if (!direction) return;
    event.preventDefault();
    const next = nearestNode(instance, cursor?.id ?? state.focus ?? root, direction);
    if (!next) return;
    instance.nodes().removeClass("cursor");
    next.addClass("cursor");
    setCursor({ id: next.id(), name: next.data("label") as string });
  };

  // The root: an authority's services with their links, or any other node's neighbourhood.
  useEffect(() => {
    const controller = new AbortController();
    setBusy(t.loading);
    setError(null);
    setExpanded([]);
    runQuery<RootData>(authorityNetworkQuery, { id: root }, controller.signal)
      .then(async (data) => {
        if (data.actor?.services) {
          model.addNode(data.actor);
          for (const service of data.actor.services) model.addNode(service);
          await Promise.all(data.actor.services.map((s) => addNeighbourhood(model, s.id, controller.signal)));
        } else {
          await addNeighbourhood(model, root, controller.signal);
        }
        setVersion((v) => v + 1);
      })
      .catch((e: unknown) => { if (!controller.signal.aborted) setError(String((e as Error).message ?? e)); })
      .finally(() => { if (!controller.signal.aborted) setBusy(null); });
    return () => controller.abort();
    // The words only label the progress; a language switch must not reload the network.
  }, [root, model]);

  useEffect(() => {
    if (gaps.status === "done") {
      model.setGaps(gaps.data.cooperationGaps.nodes);
      setVersion((v) => v + 1);
    }
  }, [gaps, model]);

  const expand = (id: string) => {
    setNothingNew(null);
    if (expanded.includes(id)) { setNothingNew(id); return; }
    setBusy(t.loading);
    const before = model.nodes.size + model.links.size;
    addNeighbourhood(model, id)
      .then(() => {
        if (model.nodes.size + model.links.size === before) setNothingNew(id);
        setExpanded((e) => [...e, id]);
        setVersion((v) => v + 1);
      })
      .catch((e: unknown) => setError(String((e as Error).message ?? e)))
      .finally(() => setBusy(null));
  };

  // A path between the two actors of the address, drawn into the network.
  useEffect(() => {
    if (!state.from || !state.to) { setPath(undefined); return; }
    const controller = new AbortController();
    setBusy(t.loading);
    runQuery<{ path: PathResult | null }>(pathQuery, { from: state.from, to: state.to, types: state.types.length ? state.types : null }, controller.signal)
      .then((data) => {
        if (data.path) for (const link of data.path.links) model.addLink(link);
        setPath(data.path);
        setVersion((v) => v + 1);
      })
      .catch((e: unknown) => { if (!controller.signal.aborted) setError(String((e as Error).message ?? e)); })
      .finally(() => { if (!controller.signal.aborted) setBusy(null); });
    return () => controller.abort();
  }, [state.from, state.to, state.types, model]);

  const elements = useMemo(
    () => model.elements({
      colour: state.colour, domains: state.domains, types: state.types, year: state.year, gaps: state.gaps,
      path: path?.nodes.map((n) => n.id) ?? [], keep: [root, ...(state.focus ? [state.focus] : []), ...expanded],
    }),
    // version stands for the model's content, which changes in place.
    [model, version, state.colour, state.domains, state.types, state.year, state.gaps, path, root, state.focus, expanded],
  );

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({ container: container.current, style: networkStyle, minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3 });
    instance.on("tap", "node", (event) => select(event.target.id() as string));
    instance.on("mouseover", "node", (event) => event.target.addClass("hover"));
    instance.on("mouseout", "node", (event) => event.target.removeClass("hover"));
    cy.current = instance;
    return () => { instance.destroy(); cy.current = null; };
  }, []);

  // Where each node was laid out, for this root: selecting, expanding or filtering keeps the nodes already placed where
  // they are, and only new nodes are laid out around them.
  const positions = useRef(new Map<string, { x: number; y: number }>());
  const [layoutRuns, setLayoutRuns] = useState(0);
  // The smallest node as drawn, in CSS pixels: what a finger has to hit.
  const [targetPx, setTargetPx] = useState(0);
  useEffect(() => { positions.current = new Map(); }, [root]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const known = positions.current;
    const nodeCount = elements.filter((e) => e.group === "nodes").length;
    let fresh = 0;
    instance.batch(() => {
      instance.elements().remove();
      // New nodes start on a circle, in a fixed order: the layout then spreads them the same way on every visit
      // (from a single point, cose squeezes the network into a column).
      let index = 0;
      instance.add(elements.map((e) => {
        if (e.group !== "nodes") return { group: e.group, data: e.data, classes: e.classes };
        const angle = (2 * Math.PI * index++) / Math.max(nodeCount, 1);
        const placed = known.get(e.data.id as string);
        if (!placed) fresh++;
        return { group: e.group, data: e.data, classes: e.classes, position: placed ?? { x: 400 * Math.cos(angle), y: 300 * Math.sin(angle) } };
      }));
    });
    if (fresh > 0) {
      // Layouts leave locked nodes alone: the ones already placed stay, the new ones find room around them.
      const placed = instance.nodes().filter((n) => known.has(n.id()));
      placed.lock();
      instance.layout({
        name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true, padding: 24, fit: known.size === 0,
        idealEdgeLength: () => 90, nodeRepulsion: () => 12000, componentSpacing: 80, gravity: 0.6,
      } as cytoscape.LayoutOptions).run();
      placed.unlock();
      instance.nodes().forEach((n) => { known.set(n.id(), { ...n.position() }); });
      setLayoutRuns((r) => r + 1);
      // A finger needs a target of 24 px at least: on a touch screen the first view is never zoomed out below that,
      // the reader pans to see the rest.
      if (known.size === nodeCount && touch() && instance.nodes().nonempty()) {
        const smallest = Math.min(...instance.nodes().map((n) => n.width()));
        if (smallest * instance.zoom() < minTarget) instance.zoom({ level: minTarget / smallest, renderedPosition: { x: instance.width() / 2, y: instance.height() / 2 } });
      }
    }
    setTargetPx(instance.nodes().nonempty() ? Math.round(Math.min(...instance.nodes().map((n) => n.renderedWidth()))) : 0);
    setCounts({ root, nodes: instance.nodes().length, edges: instance.edges().not(".gap").length, gaps: instance.edges(".gap").length });
  }, [elements, root]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.nodes().unselect();
    const selected = state.focus ? instance.getElementById(state.focus) : null;
    if (selected && selected.nonempty()) {
      selected.select();
      // Zoom to the selection, never out of it: a reader who zoomed in stays zoomed in.
      instance.animate({ center: { eles: selected }, zoom: Math.max(instance.zoom(), 1.2) }, { duration: 250 });
    }
  }, [state.focus, elements]);

  const years = useMemo(() => {
    const last = new Date().getFullYear();
    return { first: Math.min(model.firstYear() ?? last - 10, last - 1), last };
  }, [model, version]);

  const exportPng = () => {
    const blob = cy.current?.png({ output: "blob", bg: "#ffffff", full: true, scale: 2 });
    if (blob) downloadBlob(blob, "coopgraph-network.png");
  };
  const exportCsv = () => {
    const fr = lang === "fr";
    const name = (id: string) => model.nodes.get(id)?.name ?? id;
    const shown = new Set(elements.filter((e) => e.group === "nodes").map((e) => e.data.id as string));
    const rows: unknown[][] = [];
    if (gaps.status === "done") {
      for (const g of gaps.data.cooperationGaps.nodes) {
        rows.push([fr ? t.suggestedLink : "GAP", g.source.id, g.source.name, g.target.id, g.target.name, num(lang, g.score, 3), "",
          g.reasons.map((r) => reasonText(lang, r)).join(" ; ")]);
      }
    }
    for (const l of model.links.values()) {
      if (!shown.has(l.source) || !shown.has(l.target)) continue;
      rows.push([fr ? linkTypeName(lang, l.type) : l.type, l.source, name(l.source), l.target, name(l.target), "", l.since ?? "",
        l.transversal ? (fr ? t.transversalLink : "TRANSVERSAL") : ""]);
    }
    const header = fr
      ? ["type", "id_source", "nom_source", "id_cible", "nom_cible", "score", "depuis", "remarques"]
      : ["type", "source_id", "source_name", "target_id", "target_name", "score", "since", "notes"];
    downloadBlob(new Blob([spreadsheetCsv(lang, header, rows)], { type: "text/csv;charset=utf-8" }), fr ? "coopgraph-manques-et-liens.csv" : "coopgraph-gaps-and-links.csv");
  };

  const legendEntries = state.colour === "domain"
    ? model.domainsPresent().map((d) => ({ key: d, label: domainName(lang, d), colour: domainColour(d) }))
    : model.kindsPresent().map((k) => ({ key: k, label: kindName(lang, k), colour: kindColour(k) }));
  const search = useMemo(() => actorSearch(actorSearchQuery, (n) => [n.kind && kindName(lang, n.kind), n.territory?.name].filter(Boolean).join(" · ")), [lang]);
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const visibleNodes = elements.filter((e) => e.group === "nodes");

  return (
    <section className="network" aria-labelledby="network-title" id="network" tabIndex={-1}>
      <h2 id="network-title">{t.network}</h2>
      <div className="controls">
        <label>
          {t.colourBy}{" "}
          <select value={state.colour} onChange={(e) => update({ colour: e.target.value as ViewState["colour"] })} data-testid="colour-by">
            <option value="domain">{t.byDomain}</option>
            <option value="kind">{t.byKind}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={state.gaps} onChange={(e) => update({ gaps: e.target.checked })} data-testid="toggle-gaps" /> {t.showGaps}
        </label>
        <label className="year">
          {state.year === null ? t.asOfToday : t.asOf} <output data-testid="year-value">{state.year ?? ""}</output>
          <input
            type="range" min={years.first} max={years.last + 1} step={1} value={state.year ?? years.last + 1}
            aria-label={t.asOf} data-testid="year-slider"
            onChange={(e) => { const y = Number(e.target.value); update({ year: y > years.last ? null : y }); }}
          />
        </label>
        <details>
          <summary>{t.filterDomains}{t.colon} {state.domains.length || t.all}</summary>
          {model.domainsPresent().map((d) => (
            <label key={d} className="check">
              <input type="checkbox" checked={state.domains.includes(d)} onChange={() => update({ domains: toggle(state.domains, d) })} /> {domainName(lang, d)}
            </label>
          ))}
        </details>
        <details>
          <summary>{t.filterTypes}{t.colon} {state.types.length || t.allTypes}</summary>
          {allLinkTypes.filter((lt) => model.typesPresent().includes(lt)).map((lt) => (
            <label key={lt} className="check">
              <input type="checkbox" checked={state.types.includes(lt)} onChange={() => update({ types: toggle(state.types, lt) })} /> {linkTypeName(lang, lt)}
            </label>
          ))}
        </details>
        <button type="button" onClick={exportPng} data-testid="export-png">{t.exportPng}</button>
        <button type="button" onClick={exportCsv} data-testid="export-csv">{t.exportCsv}</button>
      </div>
      {busy && <p className="status loading" role="status"><span className="spinner" aria-hidden="true" /> {busy}</p>}
      {error && <p className="status error" role="alert">{t.errorPrefix}{t.colon} {error}</p>}
      {nothingNew && (
        <p className="status empty" role="status" data-testid="nothing-new">
          {t.nothingNew.replace("{name}", model.nodes.get(nothingNew)?.name ?? nothingNew)}
        </p>
      )}
      <div className="canvas-row">
        <div
          ref={container} className="canvas" data-testid="network" role="application" tabIndex={0} onKeyDown={onCanvasKey}
          aria-label={`${t.network}${t.colon} ${counts.nodes}, ${counts.edges}. ${t.canvasKeys}`}
          data-nodes={counts.nodes} data-edges={counts.edges} data-gap-edges={counts.gaps} data-layout-runs={layoutRuns} data-smallest-node-px={targetPx} aria-busy={busy !== null || counts.root !== root}
        />
        <p className="visually-hidden" aria-live="polite" data-testid="network-cursor">{cursor?.name ?? ""}</p>
        <div className="legend" aria-label={t.legend}>
          <h3>{t.legend}</h3>
          <ul>
            {legendEntries.map((e) => <li key={e.key}><span className="swatch" style={{ background: e.colour }} /> {e.label}</li>)}
            <li><span className="line transversal" /> {t.transversalLink}</li>
            <li><span className="line gap" /> {t.suggestedLink}</li>
            <li><span className="line path" /> {t.pathLink}</li>
          </ul>
        </div>
      </div>
      <details className="node-list">
        <summary>{t.nodesInView} ({visibleNodes.length})</summary>
        <ul data-testid="node-list">
          {visibleNodes.map((n) => (
            <li key={n.data.id as string}>
              <button type="button" className="link" onClick={() => select(n.data.id as string)}>{n.data.label as string}</button>
              {" "}<small>{kindName(lang, n.data.kind as string)}</small>
            </li>
          ))}
        </ul>
      </details>
      <form className="path-finder" onSubmit={(e) => e.preventDefault()} aria-label={t.findPath}>
        <h3>{t.findPath}</h3>
        <SearchBox label={t.from} placeholder={t.actorPlaceholder} noMatch={t.empty} search={search} testId="path-from"
          initial={state.from ? model.nodes.get(state.from)?.name ?? state.from : ""} onPick={(c) => update({ from: c.id })} />
        <SearchBox label={t.to} placeholder={t.actorPlaceholder} noMatch={t.empty} search={search} testId="path-to"
          initial={state.to ? model.nodes.get(state.to)?.name ?? state.to : ""} onPick={(c) => update({ to: c.id })} />
        {path === null && <p className="status empty" data-testid="path-result">{t.noPath}</p>}
        {path && (
          <div data-testid="path-result">
            <p>{t.pathFound}{t.colon} {count(lang, path.hops, "hops")}</p>
            <ol>{path.nodes.map((n) => <li key={n.id}><button type="button" className="link" onClick={() => select(n.id)}>{n.name ?? n.id}</button></li>)}</ol>
          </div>
        )}
      </form>
      {state.focus && (
        <SidePanel id={state.focus} lang={lang} t={t} onClose={() => select(null)} onExpand={expand} onSelect={select}
          onOpen={(view, id) => update({ lab: view === "lab" ? id : null, reach: view === "reach" ? id : null, focus: null })}
          onCentre={(id) => update({ root: id })} />
      )}
    </section>
  );
}

async function addNeighbourhood(model: GraphModel, id: string, signal?: AbortSignal): Promise<void> {
  const data = await runQuery<NeighbourhoodData>(neighbourhoodQuery, { id }, signal);
  if (!data.node) return;
  model.addNode(data.node);
  for (const link of data.node.links?.nodes ?? []) model.addLink(link);
}

const minTarget = 24;

const touch = (): boolean => typeof window.matchMedia === "function" && window.matchMedia("(pointer: coarse)").matches;

const arrowDirections: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/** The node nearest to <paramref name="fromId"/> in a direction (within 60° of it), the first node when there is none to start from. */
function nearestNode(instance: Core, fromId: string, [dx, dy]: [number, number]) {
  const nodes = instance.nodes(":visible");
  const from = instance.getElementById(fromId);
  if (from.empty()) return nodes.first().nonempty() ? nodes.first() : null;
  const origin = from.position();
  let best: ReturnType<Core["nodes"]>[number] | null = null;
  let bestCost = Infinity;
  nodes.forEach((node) => {
    if (node.id() === fromId) return;
    const p = node.position();
    const [x, y] = [p.x - origin.x, p.y - origin.y];
    const distance = Math.hypot(x, y);
    if (distance === 0) return;
    const cosine = (x * dx + y * dy) / distance;
    if (cosine < 0.5) return;
    const cost = distance * (2 - cosine);
    if (cost < bestCost) { bestCost = cost; best = node; }
  });
  return best;
}
