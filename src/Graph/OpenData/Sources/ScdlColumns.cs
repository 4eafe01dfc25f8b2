namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>The fields of a grant that the connector reads, whatever a publisher called them.</summary>
internal enum GrantField
{
    FunderName,
    FunderId,
    Date,
    GrantDate,
    Year,
    DecisionReference,
    BeneficiaryName,
    BeneficiaryId,
    BeneficiaryType,
    Purpose,
    Amount,
    Nature,
    Scheme,
    Conditions,
}

/// <summary>
/// The column names of the SCDL "subventions" format and of the layouts published before it or beside it, folded
/// (lower case, no accents, letters and digits only). Publishers disagree on words: Aube's "attributaire" is the funder,
/// Deux-Sèvres's the beneficiary; each name here is one a published file uses.
/// </summary>
internal static class ScdlColumns
{
    private static readonly Dictionary<string, GrantField> Aliases = new(StringComparer.Ordinal)
    {
        // SCDL v2 names, and the older OpenDataFrance layout (COLL_ funder, ATTRIB_ beneficiary, SUB_ grant).
        ["nomattribuant"] = GrantField.FunderName, ["collnom"] = GrantField.FunderName,
        ["idattribuant"] = GrantField.FunderId, ["collsiret"] = GrantField.FunderId,
        ["dateconvention"] = GrantField.Date, ["actedate"] = GrantField.Date,
        ["referencedecision"] = GrantField.DecisionReference, ["acteref"] = GrantField.DecisionReference,
        ["nombeneficiaire"] = GrantField.BeneficiaryName, ["attribnom"] = GrantField.BeneficiaryName,
        ["idbeneficiaire"] = GrantField.BeneficiaryId, ["attribsiret"] = GrantField.BeneficiaryId,
        ["attribtype"] = GrantField.BeneficiaryType,
        ["objet"] = GrantField.Purpose, ["subobj"] = GrantField.Purpose, ["subobjet"] = GrantField.Purpose,
        ["montant"] = GrantField.Amount, ["submontant"] = GrantField.Amount,
        ["nature"] = GrantField.Nature, ["subnature"] = GrantField.Nature,
        ["dispositifaide"] = GrantField.Scheme, ["subdispositif"] = GrantField.Scheme,
        ["conditionsversement"] = GrantField.Conditions, ["subversement"] = GrantField.Conditions,
        ["annee"] = GrantField.Year,
        // The French labels of the arrêté of 17 November 2017 (Loire-Atlantique; Aube's second header row).
        ["nomdelattribuant"] = GrantField.FunderName, ["identificationdelattribuant"] = GrantField.FunderId,
        ["nomdelattributaire"] = GrantField.FunderName, ["identificationdelattributairesiret"] = GrantField.FunderId,
        ["datedelaconventiondesubvention"] = GrantField.Date, ["referencedeladecision"] = GrantField.DecisionReference,
        ["nomdubeneficiaire"] = GrantField.BeneficiaryName, ["identificationdubeneficiaire"] = GrantField.BeneficiaryId,
        ["objetdelasubvention"] = GrantField.Purpose, ["montanttotaldelasubvention"] = GrantField.Amount,
        ["naturedelasubvention"] = GrantField.Nature, ["conditionsdeversementdelasubvention"] = GrantField.Conditions,
        ["conditionsdeversement"] = GrantField.Conditions,
        // Deux-Sèvres.
        ["autoriteadministrative"] = GrantField.FunderName, ["siretautoriteadministrative"] = GrantField.FunderId,
        ["referencedeliberation"] = GrantField.DecisionReference, ["nomattributaire"] = GrantField.BeneficiaryName,
        ["nsiretattributaire"] = GrantField.BeneficiaryId, ["objetconvention"] = GrantField.Purpose,
        ["montantdecideligne"] = GrantField.Amount, ["naturesubvention"] = GrantField.Nature,
        // Pyrénées-Orientales.
        ["siretorg"] = GrantField.BeneficiaryId, ["nom"] = GrantField.BeneficiaryName, ["montantoctroye"] = GrantField.Amount,
        ["presentationdelademande"] = GrantField.Purpose, ["dateoctroi"] = GrantField.GrantDate,
        ["conditiondeversement"] = GrantField.Conditions,
    };

    /// <summary>Each field's column index in a header (the first column of a field wins).</summary>
    public static Dictionary<GrantField, int> Map(IReadOnlyList<string> columns)
    {
        var map = new Dictionary<GrantField, int>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (Aliases.TryGetValue(FrenchValues.Fold(columns[i]), out var field))
            {
                map.TryAdd(field, i);
            }
        }
        return map;
    }

    /// <summary>A grant file names at least its beneficiaries, their amounts, and a purpose or a beneficiary number.</summary>
    public static bool IsGrantTable(IReadOnlyDictionary<GrantField, int> map) =>
        map.ContainsKey(GrantField.BeneficiaryName) && map.ContainsKey(GrantField.Amount)
        && (map.ContainsKey(GrantField.Purpose) || map.ContainsKey(GrantField.BeneficiaryId));
}
