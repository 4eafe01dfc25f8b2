using System.Collections.Concurrent;

namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>A Cypher statement from a <c>.cypher</c> file of Neo4j/Cypher, embedded in this assembly; its name is the file's name.</summary>
public sealed record CypherStatement(string Name, string Text)
{
    private static readonly ConcurrentDictionary<string, CypherStatement> Loaded = new(StringComparer.Ordinal);

    /// <summary>Loads <c>Neo4j/Cypher/{name}.cypher</c>, e.g. <c>Load("nodes-get")</c>. Statements are never built from input.</summary>
    public static CypherStatement Load(string name) => Loaded.GetOrAdd(name, static n =>
    {
        var resource = "Cypher." + n;
        using var stream = typeof(CypherStatement).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No embedded Cypher statement '{n}' ({resource}).");
        using var reader = new StreamReader(stream);
        return new CypherStatement(n, reader.ReadToEnd().Trim().TrimEnd(';'));
    });

    /// <summary>
    /// A file that holds several statements separated by ';' (schema commands, which each need their own request).
    /// Comment lines go first: a ';' in a comment must not split a statement.
    /// </summary>
    public static IReadOnlyList<CypherStatement> LoadAll(string name)
    {
        var code = Load(name).Text.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal));
        return string.Join('\n', code).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((text, i) => new CypherStatement($"{name}#{i + 1}", text))
            .ToList();
    }

    public override string ToString() => Name;
}
