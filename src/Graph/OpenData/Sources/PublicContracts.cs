using System.Globalization;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// Public procurement data, DECP ("données essentielles de la commande publique"), JSON format v1 and v2: each
/// contract a FUNDS link (instrument PUBLIC_CONTRACT) from the buyer to each of its holders, with amount, year and
/// notification date, the procedure and CPV code in the note. Holders of one contract are co-contractors: each pair
/// COOPERATES_WITH kind CONSORTIUM. Concessions read alike (the granting authority and its concession holders).
/// A contract with several holders does not say each one's share: each link carries an equal share, and says so.
/// </summary>
internal sealed class PublicContracts : OpenDataSource
{
    private const int MaxHolders = 50;

    public override string Name => "decp";

    public override string Title => "Public procurement, DECP JSON v1 and v2 (decp_*.json)";

    public override IReadOnlyCollection<string> RequiredColumns => ["acheteur.id", "titulaires.0.id"];

    public override bool Reads(IReadOnlyList<string> columns) =>
        (columns.Contains("acheteur.id") && columns.Contains("titulaires.0.id"))
        || (columns.Contains("autoriteConcedante.id") && columns.Contains("concessionnaires.0.id"));

    public override int Specificity => 10;

    public override bool JoinsByNumber => true;

    public override string? VintageOf(string fileName) => FrenchValues.LastYearOf(fileName);

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var concession = row["autoriteConcedante.id"] is not null;
        var (buyerKey, holdersKey) = concession ? ("autoriteConcedante", "concessionnaires") : ("acheteur", "titulaires");
        if (FrenchValues.Siren(row[buyerKey + ".id"]) is not { } buyerSiren)
        {
            run.Refuse(row.Row, $"buyer '{row[buyerKey + ".id"]}' is not a SIRET");
            yield break;
        }
        var holders = Enumerable.Range(0, MaxHolders)
            .Select(i => (Id: row[$"{holdersKey}.{i}.id"], Type: row[$"{holdersKey}.{i}.typeIdentifiant"], Name: row[$"{holdersKey}.{i}.denominationSociale"]))
            .TakeWhile(h => h.Id is not null)
            .ToList();
        if (holders.Count == 0)
        {
            run.Refuse(row.Row, "no holder: the contract names no supplier");
            yield break;
        }
        var contract = row["uid"] ?? row["uuid"] ?? buyerSiren + "/" + row["id"];
        if (!run.Context.FirstTime("contract|" + contract))
        {
            // Platforms publish a contract again when it is modified; the first record read stands for it.
            run.Skipped.Count("a contract already read, published again");
            yield break;
        }
        var (buyer, newBuyer) = NumberedActors.Resolve(buyerSiren, row[buyerKey + ".nom"] ?? "SIREN " + buyerSiren, fileSaysAssociation: false, "buyer", run);
        if (newBuyer is not null)
        {
            yield return newBuyer;
        }

        var holderIds = new List<string>();
        foreach (var holder in holders)
        {
            if (Holder(holder.Id!, holder.Type, holder.Name, run) is not { } resolved)
            {
                continue;
            }
            if (resolved.NewNode is not null)
            {
                yield return resolved.NewNode;
            }
            if (!holderIds.Contains(resolved.Id))
            {
                holderIds.Add(resolved.Id);
            }
        }
        var amountText = row[concession ? "valeurGlobale" : "montant"];
        var amount = FrenchValues.Amount(amountText);
        var (date, year) = FrenchValues.Date(row[concession ? "dateSignature" : "dateNotification"]);
        var social = SocialConsideration(row);
        if (social is not null)
        {
            run.Matches.Count("contract with a social consideration: " + social);
        }
        var note = Note(row, holderIds.Count, amount, social);
        foreach (var holder in holderIds)
        {
            yield return Items.Link("FUNDS", buyer, holder, run.Provenance)
                .With("id", LinkKeys.Id("contract:", contract, holder))
                .With("instrument", "PUBLIC_CONTRACT")
                .With("amount", amount is { } total ? decimal.Round(total / holderIds.Count, 2) : null)
                .With("year", year is { } y ? (long)y : null)
                .With("since", date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .With("note", note);
        }
        run.Matches.Count(holderIds.Count > 1 ? "contract with several holders (consortium)" : "contract with one holder");
        for (var i = 0; i < holderIds.Count; i++)
        {
            for (var j = i + 1; j < holderIds.Count; j++)
            {
                var (a, b) = string.CompareOrdinal(holderIds[i], holderIds[j]) < 0 ? (holderIds[i], holderIds[j]) : (holderIds[j], holderIds[i]);
                // A pair that won several contracts together is one consortium link, dated by the first contract read.
                if (run.Context.FirstTime($"consortium|{a}|{b}"))
                {
                    yield return Items.Link("COOPERATES_WITH", a, b, run.Provenance)
                        .With("kind", "CONSORTIUM")
                        .With("since", date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                        .With("note", "Co-titulaires du marché " + row["id"]);
                }
            }
        }
    }

    /// <summary>A holder by SIRET (joined or created like a grant's beneficiary), or by another identifier (foreign VAT, Tahiti, New Caledonia) as an organisation.</summary>
    private static (string Id, ImportItem? NewNode)? Holder(string id, string? type, string? name, SourceRun run)
    {
        if (type is null or "SIRET" && FrenchValues.Siren(id) is { } siren)
        {
            return NumberedActors.Resolve(siren, name ?? "SIREN " + siren, fileSaysAssociation: false, "holder", run);
        }
        var other = $"decp:{type ?? "id"}:{id}".ToLowerInvariant();
        run.Matches.Count($"holder: kept by its {type ?? "untyped"} identifier (no valid SIRET)");
        return run.Context.FirstTime(other) && !run.Context.IsKnown(other)
            ? (other, Items.Node("ORGANISATION", other, name ?? id, run.Provenance))
            : (other, null);
    }

    /// <summary>DECP v2's social considerations (reserved contract, social clause or criterion), when the record has them.</summary>
    private static string? SocialConsideration(CsvRecord row)
    {
        var values = Enumerable.Range(0, 4)
            .SelectMany(i => new[] { row[$"considerationsSociales.{i}"], row[$"considerationsSociales.considerationSociale.{i}"] })
            .Append(row["considerationsSociales"])
            .OfType<string>()
            .Where(v => !v.StartsWith("Pas de", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return values.Count > 0 ? string.Join(", ", values) : null;
    }

    private static string Note(CsvRecord row, int holders, decimal? amount, string? social)
    {
        var parts = new List<string?>
        {
            row["objet"],
            row["procedure"] is { } procedure ? "Procédure : " + procedure : null,
            row["codeCPV"] is { } cpv ? "CPV " + cpv : null,
            social is null ? null : "Considérations sociales : " + social,
            holders > 1 && amount is { } total
                ? $"Part égale d'un marché de {total.ToString("N0", CultureInfo.InvariantCulture)} € à {holders} co-titulaires (les données ne disent pas la part de chacun)"
                : null,
        };
        var note = string.Join(" — ", parts.OfType<string>());
        return LinkKeys.Note(note)!;
    }
}
