// The panel of one node: what it is, its themes, and its links grouped as cooperation, policies and funding.
import { useEffect, useRef } from "react";
import { nodeDetailsQuery } from "../api/queries";
import type { LinkData, NodeDetails } from "../api/types";
import { domainName, kindName, linkTypeName, stageName, type Lang, type Words } from "../logic/i18n";
import { nodeDomains } from "../logic/graphModel";
import { Status } from "./Status";
import { useQuery } from "./useQuery";

const policyTypes = ["IMPLEMENTS", "APPLIED_TO", "OWNS", "TARGETS"];

export function SidePanel({ id, lang, t, onClose, onExpand, onSelect, onCentre, onOpen }: {
  id: string;
  lang: Lang;
  t: Words;
  onClose: () => void;
  onExpand: (id: string) => void;
  onSelect: (id: string) => void;
  onCentre: (id: string) => void;
  /** Opens a lab's balance or a policy's reach, where the page offers them. */
  onOpen?: (view: "lab" | "reach", id: string) => void;
}) {
  const details = useQuery<{ node: NodeDetails | null }>(nodeDetailsQuery, { id });
  const panel = useRef<HTMLElement>(null);
  // Keyboard users land in the panel when it opens, and leave it with Escape.
  useEffect(() => panel.current?.focus(), [id]);
  return (
    <aside
      className="sidepanel" aria-label={t.nodePanel} data-testid="side-panel" ref={panel} tabIndex={-1}
      onKeyDown={(e) => { if (e.key === "Escape") onClose(); }}
    >
      <button type="button" className="close" onClick={onClose} aria-label={t.close}>×</button>
      <Status state={details} t={t} isEmpty={(d) => d.node === null}>
        {({ node }) => {
          const n = node!;
          const links = n.links?.nodes ?? [];
          const other = (l: LinkData) => (l.source.id === n.id ? l.target : l.source);
          const cooperation = links.filter((l) => l.type === "COOPERATES_WITH");
          const policies = links.filter((l) => policyTypes.includes(l.type));
          const funding = links.filter((l) => l.type === "FUNDS");
          const row = (l: LinkData) => (
            <li key={l.id}>
              <small>{linkTypeName(lang, l.type)}</small>{" "}
              <button type="button" className="link" onClick={() => onSelect(other(l).id)}>{other(l).name ?? other(l).id}</button>
              {l.since && <small> · {t.since} {l.since.slice(0, 4)}</small>}
              {l.until && <small> · {t.until} {l.until.slice(0, 4)}</small>}
              {l.amount != null && <small> · {Number(l.amount).toLocaleString(lang)} €{l.year ? ` (${l.year})` : ""}</small>}
            </li>
          );
          return (
            <>
              <h2 data-testid="side-panel-name">{n.name ?? n.id}</h2>
              <p className="kind" data-testid="side-panel-kind">
                {kindName(lang, n.kind ?? n.__typename.toUpperCase())}
                {n.domain && <> · {domainName(lang, n.domain)}</>}
                {n.authority && <> · {t.partOf} {n.authority.name}</>}
              </p>
              {n.description && <p>{n.description}</p>}
              {n.territory && <p><strong>{t.territory}</strong>{t.colon} {n.territory.name}</p>}
              <p>
                <strong>{t.domains}</strong>: {nodeDomains(n).map((d) => domainName(lang, d)).join(", ") || t.none}
              </p>
              <h3>{t.themes}</h3>
              {n.themesFull?.length ? <ul className="chips">{n.themesFull.map((th) => <li key={th.id} className="chip">{th.name}</li>)}</ul> : <p>{t.none}</p>}
              <h3>{t.links} ({n.links?.totalCount ?? 0})</h3>
              <ul data-testid="side-panel-links">{cooperation.map(row)}</ul>
              <h3>{t.policies}</h3>
              {policies.length ? <ul>{policies.map(row)}</ul> : <p>{t.none}</p>}
              {n.involvement && (
                <>
                  <h3>{t.involvedTitle}</h3>
                  {n.involvement.length === 0 ? <p data-testid="side-panel-involvement">{t.noInvolvement}</p> : (
                    <ul data-testid="side-panel-involvement">
                      {n.involvement.map((i) => (
                        <li key={`${i.group.id}|${i.stage}`}>
                          <strong>{stageName(lang, i.stage)}</strong>{t.colon} {i.group.name}{i.since && <small> · {t.since} {i.since.slice(0, 4)}</small>}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
              <h3>{t.funding}</h3>
              {funding.length ? <ul>{funding.map(row)}</ul> : <p>{t.none}</p>}
              <div className="actions">
                <button type="button" onClick={() => onExpand(n.id)}>{t.expand}</button>
                <button type="button" onClick={() => onCentre(n.id)}>{t.centre}</button>
                {onOpen && n.__typename === "InnovationLab" && <button type="button" data-testid="open-lab" onClick={() => onOpen("lab", n.id)}>{t.seeBalance}</button>}
                {onOpen && n.__typename === "Policy" && <button type="button" data-testid="open-reach" onClick={() => onOpen("reach", n.id)}>{t.seeReach}</button>}
              </div>
            </>
          );
        }}
      </Status>
    </aside>
  );
}
