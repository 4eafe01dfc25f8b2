// Colours that stay apart for colour-blind readers: the Okabe-Ito set first (the domains met most),
// then Paul Tol's "muted" set. Seventeen domains cannot all be told apart by colour alone, so the
// network also writes each node's name and the legend lists only the domains in view.
import type { Kind } from "../api/types";

const okabeIto = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"];
const tolMuted = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"];

const domainOrder = [
  "SOCIAL", "TRANSPORT", "EMPLOYMENT", "HOUSING", "EDUCATION", "HEALTH", "CULTURE", "ECONOMY",
  "ENVIRONMENT", "RESEARCH", "DIGITAL", "YOUTH", "SPORT", "FOOD_AGRICULTURE", "TOURISM", "SECURITY", "GOVERNANCE",
];
const domainColours = [...okabeIto, ...tolMuted];

export const noDomainColour = "#BBBBBB";

export function domainColour(domain: string | undefined): string {
  if (!domain) return noDomainColour;
  const index = domainOrder.indexOf(domain);
  return index < 0 ? noDomainColour : domainColours[index % domainColours.length]!;
}

const kindColours: Record<Kind, string> = {
  AUTHORITY: "#0072B2",
  SERVICE: "#56B4E9",
  SSE_ACTOR: "#009E73",
  UNIVERSITY: "#CC79A7",
  INNOVATION_LAB: "#E69F00",
  ORGANISATION: "#7F7F7F",
  ESTABLISHMENT: "#8C6D31",
  POLICY: "#D55E00",
  THEME: "#F0E442",
  TERRITORY: "#999999",
  BENEFICIARY_GROUP: "#882255",
};

export function kindColour(kind: string | undefined): string {
  return (kind && kindColours[kind as Kind]) || noDomainColour;
}

/** Shapes by kind, so that kind reads even when colour is by domain. */
export function kindShape(kind: string | undefined): string {
  switch (kind) {
    case "AUTHORITY": return "star";
    case "SERVICE": return "round-rectangle";
    case "SSE_ACTOR": return "ellipse";
    case "UNIVERSITY": return "diamond";
    case "INNOVATION_LAB": return "hexagon";
    case "ORGANISATION": return "rectangle";
    case "ESTABLISHMENT": return "barrel";
    case "POLICY": return "triangle";
    case "THEME": return "tag";
    case "BENEFICIARY_GROUP": return "vee";
    default: return "ellipse";
  }
}

/** Heatmap shade for a count, from white (0) to dark blue (max); text stays readable on it. */
export function heatColour(value: number, max: number): { background: string; text: string } {
  if (max <= 0 || value <= 0) return { background: "#FFFFFF", text: "#222222" };
  const t = Math.min(1, value / max);
  const light = Math.round(96 - t * 66);
  return { background: `hsl(205 70% ${light}%)`, text: light < 55 ? "#FFFFFF" : "#222222" };
}
