// How the network looks: node colour and shape come from the elements' data (see graphModel.ts);
// transversal links are thick and orange, suggested links (gaps) dashed, a found path outlined.
import type { StylesheetJson } from "cytoscape";

export const networkStyle: StylesheetJson = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)",
      shape: "data(shape)" as never,
      label: "data(label)",
      "font-size": 11,
      // A label that would be drawn smaller than this is hidden until the reader zooms in or points at the node.
      "min-zoomed-font-size": 7,
      "text-wrap": "ellipsis",
      "text-max-width": "110px",
      "text-valign": "bottom",
      "text-margin-y": 3,
      color: "#222",
      "border-width": 1,
      "border-color": "#444",
      width: 22,
      height: 22,
    },
  },
  { selector: "node.kept", style: { width: 30, height: 30, "border-width": 2, "font-size": 13, "font-weight": "bold", "min-zoomed-font-size": 0 } },
  { selector: "node.hover", style: { "min-zoomed-font-size": 0, "font-size": 13, "z-index": 10 } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#000" } },
  { selector: "node.path", style: { "border-width": 4, "border-color": "#CC79A7" } },
  { selector: "node.cursor", style: { "border-width": 5, "border-color": "#E69F00", "border-style": "double" } },
  { selector: "edge", style: { width: 1, "line-color": "#B0B0B0", "curve-style": "bezier", opacity: 0.8 } },
  { selector: "edge.cooperation", style: { width: "mapData(intensity, 1, 5, 1.5, 5)" as never, "line-color": "#7A7A7A" } },
  { selector: "edge.transversal", style: { "line-color": "#D55E00", opacity: 1 } },
  { selector: "edge.gap", style: { "line-style": "dashed", "line-color": "#0072B2", width: 2, opacity: 0.9 } },
  { selector: "edge.path", style: { "line-color": "#CC79A7", width: 6, opacity: 1 } },
];
