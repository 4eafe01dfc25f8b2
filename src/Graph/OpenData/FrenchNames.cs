namespace CoopGraph.Graph.OpenData;

/// <summary>
/// Names of authorities as French writes them: "Département du Rhône", "Département de l'Ain", "Commune d'Arras",
/// "Commune du Mans". For départements INSEE says which article a name takes (TNCC, "type de nom en clair");
/// commune names carry their article, so the joining word follows from it, with elision before a vowel.
/// </summary>
internal static class FrenchNames
{
    /// <summary>The joining word after "Département" for each TNCC, 0 to 8, as INSEE documents them.</summary>
    private static readonly string[] TnccJoin = ["de ", "d'", "du ", "de la ", "des ", "de l'", "des ", "de las ", "de los "];

    /// <summary>"Département" + the joining word of <paramref name="tncc"/> + the name; without a known TNCC, from the name itself.</summary>
    public static string WithTncc(string noun, string? tncc, string name) =>
        int.TryParse(tncc, System.Globalization.CultureInfo.InvariantCulture, out var type) && type >= 0 && type < TnccJoin.Length
            ? $"{noun} {TnccJoin[type]}{name}"
            : Of(noun, name);

    /// <summary>"Commune de Lyon", "Commune d'Étoile-sur-Rhône", "Commune du Mans", "Commune des Ulis", "Commune de La Rochelle".</summary>
    public static string Of(string noun, string name)
    {
        if (name.StartsWith("Le ", StringComparison.Ordinal))
        {
            return $"{noun} du {name[3..]}";
        }
        if (name.StartsWith("Les ", StringComparison.Ordinal))
        {
            return $"{noun} des {name[4..]}";
        }
        return name.Length > 0 && StartsWithVowel(name) && !name.StartsWith("L'", StringComparison.Ordinal)
            ? $"{noun} d'{name}"
            : $"{noun} de {name}";
    }

    private static bool StartsWithVowel(string name) => "aeiouy".Contains(Diacritics.Fold(char.ToLowerInvariant(name[0]))[0], StringComparison.Ordinal);
}
