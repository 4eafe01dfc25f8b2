// A territory's network as the open data draws it: up to a few thousand actors and programmes. Above a few hundred
// nodes it is drawn the fast way: with cytoscape's WebGL renderer on a graphics card, else on a canvas that pans and
// zooms a picture of the network and draws it again at rest (measured on a machine without a graphics card, where
// WebGL is emulated in software: 6.5 frames/s with WebGL, 47 with the canvas's picture; see docs/benchmarks.md). Nodes
// are laid out in rings by their number of links (instant, where a force layout would take tens of seconds), and only
// the hubs are named until the reader zooms in or points at a node.
import cytoscape, { type Core } from "cytoscape";
import { useEffect, useMemo, useRef, useState } from "react";
import type { NodeRef, ScopeNetwork } from "../api/types";
import { GraphModel } from "../logic/graphModel";
import { kindName, type Lang, type Words } from "../logic/i18n";
import { num } from "../logic/format";
import { kindColour } from "../logic/palette";
import { networkStyle } from "./cytoscapeStyle";

/** Above this many nodes the network is drawn the fast way (rings, WebGL). */
export const largeNetwork = 300;

/** The hubs whose names stay written at any zoom. */
const namedHubs = 15;

/** Whether this browser gives WebGL 2 on a graphics card: emulated in software (SwiftShader, llvmpipe), it is slower than a canvas. */
function hardwareWebgl2(): boolean {
  try {
    const gl = document.createElement("canvas").getContext("webgl2");
    if (!gl) return false;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return !/swiftshader|llvmpipe|software/i.test(renderer);
  } catch {
    return false;
  }
}

export function TerritoryNetwork({ network, lang, t, focus, onSelect }: {
  network: ScopeNetwork;
  lang: Lang;
  t: Words;
  focus: string | null;
  onSelect: (id: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const [drawn, setDrawn] = useState({ renderer: "", layoutMs: 0 });

  const elements = useMemo(() => {
    const model = new GraphModel();
    const byId = new Map<string, NodeRef>(network.nodes.map((n) => [n.id, n]));
    for (const node of network.nodes) model.addNode(node);
    for (const edge of network.edges) {
      const source = byId.get(edge.source.id);
      const target = byId.get(edge.target.id);
      if (source && target) model.addLink({ ...edge, source, target });
    }
    // The API returns nodes most linked first: the first ones are the hubs.
    return model.elements({
      colour: "kind", domains: [], types: [], year: null, gaps: false, path: [],
      keep: network.nodes.slice(0, namedHubs).map((n) => n.id),
    });
  }, [network]);

  useEffect(() => {
    if (!container.current) return;
    const nodeCount = elements.filter((e) => e.group === "nodes").length;
    const large = nodeCount > largeNetwork;
    const webgl = large && hardwareWebgl2();
    const options = {
      container: container.current, style: networkStyle, minZoom: 0.05, maxZoom: 3, wheelSensitivity: 0.3,
      // Without WebGL, a large network moves as a picture while the reader pans or zooms, and is drawn again at rest.
      textureOnViewport: large && !webgl,
      hideEdgesOnViewport: large && !webgl,
      // The renderer's WebGL switch (cytoscape 3.31 and later) is not in its type definitions yet.
      renderer: { name: "canvas", webgl },
    };
    const instance = cytoscape(options as cytoscape.CytoscapeOptions);
    instance.on("tap", "node", (event) => onSelect(event.target.id() as string));
    instance.on("mouseover", "node", (event) => event.target.addClass("hover"));
    instance.on("mouseout", "node", (event) => event.target.removeClass("hover"));
    const started = performance.now();
    instance.add(elements.map((e) => ({ group: e.group, data: e.data, classes: e.classes })));
    instance.layout(large
      ? ({ name: "concentric", concentric: (n: cytoscape.NodeSingular) => n.degree(false), levelWidth: () => 2, minNodeSpacing: 4, animate: false, padding: 16 } as cytoscape.LayoutOptions)
      : ({ name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true, padding: 24, idealEdgeLength: () => 90, nodeRepulsion: () => 12000, gravity: 0.6 } as cytoscape.LayoutOptions)).run();
    setDrawn({ renderer: webgl ? "webgl" : large ? "canvas-texture" : "canvas", layoutMs: Math.round(performance.now() - started) });
    cy.current = instance;
    return () => { instance.destroy(); cy.current = null; };
    // onSelect changes identity with each render of the parent; the canvas is rebuilt only for new elements.
  }, [elements]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.nodes().unselect();
    const selected = focus ? instance.getElementById(focus) : null;
    if (selected && selected.nonempty()) {
      selected.select();
      instance.animate({ center: { eles: selected }, zoom: Math.max(instance.zoom(), 1.2) }, { duration: 250 });
    }
  }, [focus, elements]);

  const total = network.actors + network.policies;
  const shown = network.nodes.length;
  const kinds = [...new Set(network.nodes.map((n) => n.kind ?? "POLICY"))];
  return (
    <section className="network" aria-labelledby="territory-network-title" id="network" tabIndex={-1}>
      <h3 id="territory-network-title">{t.territoryNetwork}</h3>
      <p className="help" data-testid="network-shown">
        {(network.truncated ? t.networkShown : t.networkAll).replace("{shown}", num(lang, shown)).replace("{total}", num(lang, total))}
      </p>
      <div className="canvas-row">
        <div
          ref={container} className="canvas" data-testid="territory-network" role="img"
          aria-label={`${t.territoryNetwork}${t.colon} ${num(lang, shown)}, ${num(lang, network.edges.length)}`}
          data-nodes={shown} data-edges={network.edges.length} data-renderer={drawn.renderer} data-layout-ms={drawn.layoutMs}
        />
        <div className="legend" aria-label={t.legend}>
          <h3>{t.legend}</h3>
          <ul>{kinds.map((k) => <li key={k}><span className="swatch" style={{ background: kindColour(k) }} /> {kindName(lang, k)}</li>)}</ul>
        </div>
      </div>
      {/* The canvas is for the eye; the list is the way in for a keyboard or a screen reader, the hubs first. */}
      <details className="node-list">
        <summary>{t.nodesInView} ({num(lang, shown)})</summary>
        <ul data-testid="territory-node-list">
          {network.nodes.slice(0, 200).map((n) => (
            <li key={n.id}>
              <button type="button" className="link" onClick={() => onSelect(n.id)}>{n.name ?? n.id}</button>
              {" "}<small>{kindName(lang, n.kind ?? "POLICY")}</small>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
