// An authority's funding, from the grants and contracts official data record: its total, by year and by domain,
// and the actors it funds most. Shown whatever the authority's services: a département known only from open data
// has money to show before it has a directory.
import { fundingQuery } from "../api/queries";
import type { FundingData } from "../api/types";
import { domainName, type Lang, type Words } from "../logic/i18n";
import { count, euros } from "../logic/format";
import { Status } from "./Status";
import { useQuery } from "./useQuery";

export function Funding({ authority, asOf, lang, t, onSelect }: {
  authority: string;
  asOf: string | null;
  lang: Lang;
  t: Words;
  onSelect: (id: string) => void;
}) {
  const funding = useQuery<FundingData>(fundingQuery, { id: authority, asOf });
  return (
    <div className="funding" data-testid="funding">
      <h3>{t.funding}</h3>
      <p className="help">{t.fundingHelp}</p>
      <Status state={funding} t={t}>
        {(d) => d.total.grants === 0 ? <p className="status empty" data-testid="no-funding">{t.noFunding}</p> : (
          <>
            <p className="summary" data-testid="funding-total">
              {euros(lang, d.total.amount)}{t.colon} {count(lang, d.total.grants, "grants")}, {count(lang, d.total.beneficiaries, "beneficiaries")}
            </p>
            <div className="lists">
              <div>
                <h4>{t.fundingByYear}</h4>
                <ol data-testid="funding-by-year">
                  {[...d.byYear.groups].sort((a, b) => (a.year ?? 0) - (b.year ?? 0)).map((g) => (
                    <li key={g.year ?? "none"}>{g.year ?? "—"}{t.colon} {euros(lang, g.amount)}</li>
                  ))}
                </ol>
              </div>
              <div>
                <h4>{t.fundingByDomain}</h4>
                <ol data-testid="funding-by-domain">
                  {d.byDomain.groups.map((g) => (
                    <li key={g.domain ?? "none"}>{g.domain ? domainName(lang, g.domain) : t.noDomain}{t.colon} {euros(lang, g.amount)}</li>
                  ))}
                </ol>
              </div>
              <div>
                <h4>{t.topBeneficiaries}</h4>
                <ol data-testid="top-beneficiaries">
                  {d.top.groups.filter((g) => g.beneficiary).map((g) => (
                    <li key={g.beneficiary!.id}>
                      <button type="button" className="link" onClick={() => onSelect(g.beneficiary!.id)}>{g.beneficiary!.name}</button>
                      {" "}<small>{euros(lang, g.amount)}</small>
                    </li>
                  ))}
                </ol>
              </div>
            </div>
          </>
        )}
      </Status>
    </div>
  );
}
