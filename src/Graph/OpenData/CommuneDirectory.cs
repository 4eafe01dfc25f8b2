using System.Text;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.OpenData;

/// <summary>
/// The communes the store knows (Territory nodes of level COMMUNE), to locate rows that carry a commune code, a
/// municipal-arrondissement code, or only a postcode and a commune name.
/// </summary>
public sealed class CommuneDirectory
{
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Departement, string Name), string?> _byName = [];

    private readonly Dictionary<string, string> _regionOfDepartement = new(StringComparer.Ordinal);

    public int Count => _codes.Count;

    /// <summary>Records a département's region (codes as INSEE writes them: 44 and 52).</summary>
    public void AddDepartement(string departement, string region) => _regionOfDepartement[departement] = region;

    /// <summary>The region of a département, or null when the geography does not have it.</summary>
    public string? RegionOf(string departement) => _regionOfDepartement.GetValueOrDefault(departement);

    public bool HasDepartement(string departement) => _regionOfDepartement.ContainsKey(departement);

    public bool HasRegion(string region) => _regionOfDepartement.ContainsValue(region);

    public void Add(string code, string name)
    {
        _codes.Add(code);
        var key = (DepartementOfCode(code), Normalise(name));
        // Two communes of one name in one département: the name alone cannot say which.
        _byName[key] = !_byName.TryGetValue(key, out var known) || known == code ? code : null;
    }

    public static async Task<CommuneDirectory> LoadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var directory = new CommuneDirectory();
        await StoreNodes.ForEachAsync(store, new NodeQuery { Kinds = [NodeKind.Territory] }, node =>
        {
            if (node is Territory { Level: TerritoryLevel.Commune } commune)
            {
                directory.Add(commune.Code, commune.Name);
            }
            else if (node is Territory { Level: TerritoryLevel.Departement, Code: ['D', .. var departement], ParentId: ['i', 'n', 's', 'e', 'e', ':', 'R', .. var region] })
            {
                directory.AddDepartement(departement, region);
            }
        }, cancellationToken);
        return directory;
    }

    public bool Contains(string code) => _codes.Contains(code);

    /// <summary>
    /// The commune of an INSEE code, with the municipal arrondissements of Paris, Lyon and Marseille (751xx, 6938x,
    /// 132xx) taken to their commune; null when unknown (abroad, or a commune that a newer geography merged).
    /// </summary>
    public string? ByCode(string? code, out bool fromArrondissement)
    {
        fromArrondissement = false;
        if (code is null)
        {
            return null;
        }
        if (_codes.Contains(code))
        {
            return code;
        }
        var commune = code switch
        {
            ['7', '5', '1', _, _] => "75056",
            ['6', '9', '3', '8', _] => "69123",
            ['1', '3', '2', _, _] => "13055",
            _ => null,
        };
        fromArrondissement = commune is not null && _codes.Contains(commune);
        return fromArrondissement ? commune : null;
    }

    /// <summary>The commune of a postcode and a name, when exactly one commune of the postcode's département bears that name.</summary>
    public string? ByPostcodeAndName(string? postcode, string? name)
    {
        if (postcode is not { Length: 5 } || name is null)
        {
            return null;
        }
        var normalised = Normalise(StripCedex(name));
        foreach (var departement in DepartementsOfPostcode(postcode))
        {
            if (_byName.TryGetValue((departement, normalised), out var code) && code is not null)
            {
                return code;
            }
        }
        return null;
    }

    private static string DepartementOfCode(string code) =>
        code.StartsWith("97", StringComparison.Ordinal) && code.Length >= 3 ? code[..3] : code.Length >= 2 ? code[..2] : code;

    // Corsica's postcodes start with 20 for both 2A and 2B; overseas ones with 97x.
    private static IEnumerable<string> DepartementsOfPostcode(string postcode) =>
        postcode.StartsWith("20", StringComparison.Ordinal) ? ["2A", "2B"]
        : postcode.StartsWith("97", StringComparison.Ordinal) ? [postcode[..3]]
        : [postcode[..2]];

    private static string StripCedex(string name)
    {
        var cedex = name.IndexOf(" CEDEX", StringComparison.OrdinalIgnoreCase);
        return cedex > 0 ? name[..cedex] : name;
    }

    /// <summary>Upper case, no accents, no punctuation, "ST"/"STE" spelt out: "St-Étienne" and "SAINT ETIENNE" meet.</summary>
    public static string Normalise(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var folded = Diacritics.Fold(char.ToLowerInvariant(c));
            builder.Append(folded.Length == 1 && !char.IsLetterOrDigit(folded[0]) ? " " : folded.ToUpperInvariant());
        }
        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w switch { "ST" => "SAINT", "STE" => "SAINTE", _ => w });
        return string.Join(' ', words);
    }
}
