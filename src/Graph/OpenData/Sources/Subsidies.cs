using System.Text.RegularExpressions;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.OpenData.Themes;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// Grants published under the décret of 5 May 2017 ("données essentielles des conventions de subvention"): the SCDL
/// "subventions" format and the layouts published before it or beside it (see <see cref="ScdlColumns"/>). One FUNDS
/// link per grant, funder → beneficiary, with its amount, date, year and purpose; a funder who grants every year has
/// a link each year. The link's id is a hash of the grant's own fields, so that importing the file again rewrites the
/// same links.
/// </summary>
internal sealed partial class ScdlSubsidies : OpenDataSource
{
    public override string Name => "scdl-subsidies";

    public override string Title => "Grants of public bodies: SCDL subventions and earlier layouts (CSV, XLSX, XLS, ODS)";

    public override IReadOnlyCollection<string> RequiredColumns => ["nomBeneficiaire", "montant", "objet"];

    public override bool Reads(IReadOnlyList<string> columns) => ScdlColumns.IsGrantTable(ScdlColumns.Map(columns));

    // Above every source that names a column or two: a grant table is recognised by several of its fields together.
    public override int Specificity => 10;

    public override bool JoinsByNumber => true;

    /// <summary>The last year in the file name: a file of grants 2008–2018 is the 2018 edition.</summary>
    public override string? VintageOf(string fileName) => FrenchValues.LastYearOf(fileName);

    public override void Begin(IReadOnlyList<string> columns, SourceRun run)
    {
        var state = run.State<GrantFile>();
        state.Columns = columns;
        state.Fields = ScdlColumns.Map(columns);
        state.OfAssociations = run.FileName.Contains("association", StringComparison.OrdinalIgnoreCase);
        state.FunderOfFile = DepartementFile().Match(run.FileName) is { Success: true } m ? m.Groups[1].Value.ToUpperInvariant() : null;
    }

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var file = run.State<GrantFile>();
        if (row.IsBlank)
        {
            run.Skipped.Count("blank row");
            yield break;
        }
        if (Cells(row, file, run) is not { } cells)
        {
            yield break;
        }
        string? Get(GrantField field) =>
            file.Fields.TryGetValue(field, out var index) && index < cells.Count && cells[index].Trim() is { Length: > 0 } value ? value : null;

        // Workbooks with merged cells write the funder once, on the first row of the block.
        var funderName = Get(GrantField.FunderName) ?? file.LastFunderName;
        var funderNumber = Get(GrantField.FunderId) ?? (Get(GrantField.FunderName) is null ? file.LastFunderNumber : null);
        file.LastFunderName = funderName;
        file.LastFunderNumber = funderNumber;
        if (Funder(funderNumber, funderName, file, run) is not { } funder)
        {
            run.Refuse(row.Row, "no funder: the row names none and the file name says none");
            yield break;
        }
        var beneficiaryName = Get(GrantField.BeneficiaryName);
        var beneficiarySiren = FrenchValues.Siren(Get(GrantField.BeneficiaryId));
        var amountText = Get(GrantField.Amount);
        if (beneficiaryName is null && beneficiarySiren is null)
        {
            if (amountText is null)
            {
                // Workbooks with cells merged down two rows write the second row's few cells alone (Pyrénées-Orientales).
                run.Skipped.Count("no beneficiary and no amount: the rest of a row above (merged cells) or a note");
            }
            else
            {
                run.Refuse(row.Row, "no beneficiary: neither a name nor a SIRET (a total, or a grant whose beneficiary was not published)");
            }
            yield break;
        }
        var amount = FrenchValues.Amount(amountText);
        if (amountText is not null && amount is null)
        {
            run.Refuse(row.Row, $"amount '{amountText}' is not a number");
            yield break;
        }
        if (funder.NewNode is { } newFunder)
        {
            yield return newFunder;
        }
        var association = file.OfAssociations || Get(GrantField.BeneficiaryType)?.Contains("asso", StringComparison.OrdinalIgnoreCase) == true;
        var (beneficiary, newBeneficiary) = NumberedActors.Resolve(beneficiarySiren, beneficiaryName ?? "SIREN " + beneficiarySiren, association, "beneficiary", run);
        if (newBeneficiary is not null)
        {
            yield return newBeneficiary;
        }
        var (date, year) = FrenchValues.Date(Get(GrantField.Date));
        if (date is null && year is null)
        {
            (date, year) = FrenchValues.Date(Get(GrantField.GrantDate));
        }
        year ??= FrenchValues.Date(Get(GrantField.Year)).Year;
        var purpose = Get(GrantField.Purpose);
        var instrument = IsCallForProjects(Get(GrantField.Nature), Get(GrantField.Scheme), purpose) ? "CALL_FOR_PROJECTS" : "SUBSIDY";
        run.Matches.Count(instrument == "SUBSIDY" ? "grant: subsidy" : "grant: call for projects");
        string?[] grant = [funder.Id, beneficiary, date?.ToString("yyyy-MM-dd") ?? year?.ToString(System.Globalization.CultureInfo.InvariantCulture), amountText, Get(GrantField.DecisionReference), purpose];
        // A grant published twice alike in one file keeps both rows apart by rank.
        var id = LinkKeys.Id("grant:", [.. grant, run.State<Occurrences>().Next(string.Join("\n", grant))]);
        var link = Items.Link("FUNDS", funder.Id, beneficiary, run.Provenance)
            .With("id", id)
            .With("instrument", instrument)
            .With("amount", amount)
            .With("year", year is { } y ? (long)y : null)
            .With("since", date?.ToString("yyyy-MM-dd"))
            .With("note", LinkKeys.Note(purpose));
        var worksOn = beneficiarySiren is null || !PublicBodies.IsPublic(beneficiarySiren);
        foreach (var item in GrantThemes.Apply(link, beneficiary, worksOn, run, ("purpose", purpose), ("beneficiary's name", beneficiaryName)))
        {
            yield return item;
        }
        yield return link;
    }

    /// <summary>
    /// The row's cells, by the header's positions. Some comma-separated files write amounts with an unquoted decimal
    /// comma ("24975,00") and free text with unquoted commas, and some quote the start of a line as one cell (Vendée). A
    /// row with more cells than the header (or whose first cell holds commas, split again there) is repaired when an
    /// amount cell followed by a two-digit cell can be found at or after the amount's column: those two make the
    /// amount, the extra cells before it belong to the purpose (the free text just before the amount) and those after
    /// it to the payment conditions (the only free text after it). Any other misaligned row is refused with its line.
    /// </summary>
    private static IReadOnlyList<string>? Cells(CsvRecord row, GrantFile file, SourceRun run)
    {
        var raw = row.MisalignedCells;
        if (raw is not null && raw.Count < file.Columns.Count && raw[0].Contains(',', StringComparison.Ordinal))
        {
            // The beginning of the line quoted as one cell: its commas separate cells too.
            raw = [.. raw[0].Split(','), .. raw.Skip(1)];
        }
        if (raw is null || raw.Count < file.Columns.Count)
        {
            return file.Columns.Select(c => row[c] ?? "").ToArray();
        }
        if (Realign(raw, file) is { } cells)
        {
            run.Matches.Count("row repaired: separator inside values, realigned on the amount");
            return cells;
        }
        run.Refuse(row.Row, $"{raw.Count} cells for {file.Columns.Count} columns: a separator inside a value that no documented rule repairs");
        return null;
    }

    private static List<string>? Realign(IReadOnlyList<string> raw, GrantFile file)
    {
        var cells = raw.ToList();
        var extra = cells.Count - file.Columns.Count;
        if (!file.Fields.TryGetValue(GrantField.Amount, out var amount))
        {
            return null;
        }
        var found = Enumerable.Range(amount, extra + 1)
            .FirstOrDefault(i => i + 1 < cells.Count && WholeAmount().IsMatch(cells[i]) && Cents().IsMatch(cells[i + 1]), -1);
        if (found < 0)
        {
            return null;
        }
        cells[found] += "," + cells[found + 1];
        cells.RemoveAt(found + 1);
        extra--;
        var shift = found - amount;
        if (shift > 0)
        {
            if (!file.Fields.TryGetValue(GrantField.Purpose, out var purpose) || purpose != amount - 1)
            {
                return null;
            }
            cells[purpose] = string.Join(", ", cells.GetRange(purpose, shift + 1));
            cells.RemoveRange(purpose + 1, shift);
            extra -= shift;
        }
        if (extra > 0)
        {
            if (!file.Fields.TryGetValue(GrantField.Conditions, out var conditions) || conditions <= amount || conditions + extra >= cells.Count)
            {
                return null;
            }
            cells[conditions] = string.Join(", ", cells.GetRange(conditions, extra + 1));
            cells.RemoveRange(conditions + 1, extra);
            extra = 0;
        }
        return extra == 0 ? cells : null;
    }

    private static (string Id, ImportItem? NewNode)? Funder(string? number, string? name, GrantFile file, SourceRun run)
    {
        if (FrenchValues.Siren(number) is { } siren)
        {
            return NumberedActors.Resolve(siren, name ?? "SIREN " + siren, fileSaysAssociation: false, "funder", run);
        }
        if (file.FunderOfFile is { } departement && run.Context.Communes.HasDepartement(departement))
        {
            run.Matches.Count("funder: département named by the file name");
            return (Insee.Authority(Insee.DepartementCode(departement)), null);
        }
        return null;
    }

    private static bool IsCallForProjects(params string?[] texts) =>
        texts.Any(t => t is not null && (FrenchValues.Fold(t).Contains("appelaprojet", StringComparison.Ordinal) || AapWord().IsMatch(t)));

    [GeneratedRegex(@"^dep(\d{2,3}|2[ab])_", RegexOptions.IgnoreCase)]
    private static partial Regex DepartementFile();

    // Thousands grouped by a space, a no-break space or a narrow no-break space, as spreadsheets export them.
    [GeneratedRegex(@"^-?\d{1,3}([ \u00A0\u202F]?\d{3})*$")]
    private static partial Regex WholeAmount();

    [GeneratedRegex(@"^\d\d$")]
    private static partial Regex Cents();

    [GeneratedRegex(@"\bAAP\b")]
    private static partial Regex AapWord();

    /// <summary>What the connector keeps while it reads one file.</summary>
    private sealed class GrantFile
    {
        public IReadOnlyList<string> Columns { get; set; } = [];
        public Dictionary<GrantField, int> Fields { get; set; } = [];
        public bool OfAssociations { get; set; }
        public string? FunderOfFile { get; set; }
        public string? LastFunderName { get; set; }
        public string? LastFunderNumber { get; set; }
    }
}
