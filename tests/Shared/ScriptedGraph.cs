using System.Globalization;
using System.Text.Json.Nodes;
using CoopGraph.Graph.Neo4j.QueryApi;

namespace CoopGraph.Tests.Shared;

/// <summary>
/// A small graph that a <see cref="ScriptedNeo4j"/> serves as the Neo4j store's statements would: the version, counts,
/// export pages, nodes by id, listings, links of nodes, search, and the facts of a write (what exists). Writes are
/// accepted and bump the version; the ids (and kinds, ends) of the nodes and links they create are remembered for the
/// facts of later writes, nothing else: it is for counting and shaping requests, not for answers.
/// Listings and search ignore their filters (but a node listing's kinds) and answer the first nodes or links.
/// </summary>
public sealed class ScriptedGraph
{
    /// <summary>Every embedded statement's text, to the name of its file (each statement of a file that holds several).</summary>
    private static readonly Dictionary<string, string> Names = LoadNames();

    private static readonly Dictionary<string, string> LinkPageTypes = CypherStatement.LoadAll("links-page-typed")
        .ToDictionary(s => s.Text, s => s.Text[(s.Text.IndexOf("[r:", StringComparison.Ordinal) + 3)..s.Text.IndexOf(']', StringComparison.Ordinal)], StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _writtenNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Source, string Target), string> _writtenLinks = [];
    private long _version;
    private int _transactions;

    public ScriptedGraph(IReadOnlyList<Dictionary<string, object?>> nodes, IReadOnlyList<Dictionary<string, object?>> links, long version = 1)
    {
        Nodes = nodes;
        Links = links;
        _version = version;
    }

    /// <summary>Nodes as Neo4j holds their properties (id, kind, name, seq…).</summary>
    public IReadOnlyList<Dictionary<string, object?>> Nodes { get; }

    /// <summary>Links as <c>r {.*, type, sourceId, targetId}</c> (id, seq…).</summary>
    public IReadOnlyList<Dictionary<string, object?>> Links { get; }

    /// <summary>An empty, initialised store.</summary>
    public static ScriptedGraph Empty() => new([], [], version: 0);

    /// <summary>A graph of <paramref name="actors"/> actors in one territory, each linked to it, and cooperating in a chain.</summary>
    public static ScriptedGraph Sample(int actors)
    {
        var seq = 0L;
        var nodes = new List<Dictionary<string, object?>>
        {
            new() { ["id"] = "ter:1", ["kind"] = "Territory", ["name"] = "Territoire", ["code"] = "T1", ["level"] = "Region", ["seq"] = ++seq },
        };
        var links = new List<Dictionary<string, object?>>();
        for (var i = 0; i < actors; i++)
        {
            nodes.Add(new() { ["id"] = $"sse:{i}", ["kind"] = "SseActor", ["name"] = $"Acteur {i}", ["legalForm"] = "Association", ["seq"] = ++seq });
            links.Add(new() { ["id"] = $"loc:{i}", ["type"] = "LOCATED_IN", ["sourceId"] = $"sse:{i}", ["targetId"] = "ter:1", ["seq"] = ++seq });
            if (i > 0)
            {
                links.Add(new() { ["id"] = $"coop:{i}", ["type"] = "COOPERATES_WITH", ["sourceId"] = $"sse:{i - 1}", ["targetId"] = $"sse:{i}", ["cooperationKind"] = "Partnership", ["seq"] = ++seq });
            }
        }
        return new ScriptedGraph(nodes, links);
    }

    /// <summary>The name of the statement a request runs (its .cypher file), "begin", "commit", "keep-alive", "rollback", or null.</summary>
    public static string? NameOf(ScriptedRequest request) =>
        request.Statement is { } text
            ? Names.GetValueOrDefault(text) ?? "unknown"
            : request.Method == "DELETE" ? "rollback"
            : request.Path.EndsWith("/commit", StringComparison.Ordinal) ? "commit"
            : request.Path.EndsWith("/tx", StringComparison.Ordinal) ? "begin"
            : request.Path.Contains("/tx/", StringComparison.Ordinal) ? "keep-alive"
            : null;

    public ScriptedResponse Respond(ScriptedRequest request)
    {
        if (request.Method == "DELETE")
        {
            return new ScriptedResponse(200, "");
        }
        var data = request.Statement is { } text ? Answer(text, request.Json?["parameters"]) : null;
        var body = new JsonObject();
        if (data is not null)
        {
            body["data"] = data;
        }
        if (request.Path.EndsWith("/tx", StringComparison.Ordinal) || (request.Path.Contains("/tx/", StringComparison.Ordinal) && !request.Path.EndsWith("/commit", StringComparison.Ordinal)))
        {
            var id = request.Path.EndsWith("/tx", StringComparison.Ordinal) ? "tx" + Interlocked.Increment(ref _transactions) : request.Path[(request.Path.LastIndexOf('/') + 1)..];
            body["transaction"] = new JsonObject { ["id"] = id, ["expires"] = "2099-01-01T00:00:00Z" };
        }
        body["bookmarks"] = new JsonArray("FB:scripted");
        return ScriptedResponse.Accepted(body.ToJsonString());
    }

    private static Dictionary<string, string> LoadNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in typeof(CypherStatement).Assembly.GetManifestResourceNames().Where(r => r.StartsWith("Cypher.", StringComparison.Ordinal)))
        {
            var name = resource["Cypher.".Length..];
            names[CypherStatement.Load(name).Text] = name;
            foreach (var statement in CypherStatement.LoadAll(name))
            {
                names.TryAdd(statement.Text, name);
            }
        }
        return names;
    }

    private JsonObject Answer(string text, JsonNode? parameters)
    {
        long Long(string name) => parameters?[name]?.GetValue<long>() ?? 0;
        IEnumerable<string> Strings(string name) => parameters?[name] is JsonArray a ? a.Select(v => v!.GetValue<string>()) : [];
        if (LinkPageTypes.TryGetValue(text, out var type))
        {
            return Rows(["link"], Links.Where(l => (string)l["type"]! == type && (long)l["seq"]! > Long("after")).OrderBy(l => (long)l["seq"]!)
                .Take((int)Long("take")).Select(l => new object?[] { l }));
        }
        lock (_gate)
        {
            return Names.GetValueOrDefault(text) switch
            {
                "meta-version" or "meta-init" => Rows(["version"], [[_version]]),
                "meta-lock" => Rows(["version", "nextSeq"], [[_version, 1_000_000L]]),
                "meta-bump" => Rows(["version"], [[++_version]]),
                "counts" => Rows(["nodes", "links", "version"], [[(long)Nodes.Count, (long)Links.Count, _version]]),
                "nodes-page" => Rows(["node"], Nodes.Where(n => (long)n["seq"]! > Long("after")).Take((int)Long("take")).Select(n => new object?[] { n })),
                "nodes-get" => Rows(["node"], Strings("ids").Select(Node).OfType<Dictionary<string, object?>>().Select(n => new object?[] { n })),
                "nodes-list" => Rows(["total", "nodes"], [[(long)OfKinds(parameters).Count, OfKinds(parameters).Take((int)Long("take")).ToList()]]),
                "links-list" => Rows(["total", "links"], [[(long)Links.Count, Links.Take((int)Long("take")).ToList()]]),
                "search" => Rows(["node"], Nodes.Take((int)Long("take")).Select(n => new object?[] { n })),
                "links-of-nodes" => Rows(["id", "total", "links"], Strings("ids").Select(id =>
                {
                    var of = Links.Where(l => (string)l["sourceId"]! == id || (string)l["targetId"]! == id).ToList();
                    return new object?[] { id, (long)of.Count, of.Take((int)Long("take")).ToList() };
                })),
                "nodes-create" or "nodes-upsert" => Remember(parameters, row => _writtenNodes[row["id"]!.GetValue<string>()] = row["kind"]!.GetValue<string>()),
                "links-create" or "links-upsert" or "links-insert-missing" => Remember(parameters, row =>
                    _writtenLinks[(row["type"]!.GetValue<string>(), row["sourceId"]!.GetValue<string>(), row["targetId"]!.GetValue<string>())] = row["id"]!.GetValue<string>()),
                "facts" => Rows(["kinds", "territories", "authorities", "dependants", "links", "keys"], [[
                    Strings("ids").Select(id => Node(id) is { } n ? new List<object?> { n["id"], n["kind"], null }
                        : _writtenNodes.TryGetValue(id, out var kind) ? new List<object?> { id, kind, null } : null).OfType<List<object?>>().ToList(),
                    new List<object?>(), new List<object?>(), new List<object?>(),
                    Strings("linkIds").Select(id => Links.FirstOrDefault(l => (string)l["id"]! == id)).OfType<Dictionary<string, object?>>()
                        .Select(l => new List<object?> { l, "element:" + l["id"] }).ToList(),
                    (parameters?["keys"] as JsonArray ?? []).Select(k => (Type: k!["type"]!.GetValue<string>(), Source: k["sourceId"]!.GetValue<string>(), Target: k["targetId"]!.GetValue<string>()))
                        .Where(_writtenLinks.ContainsKey).Select(k => new List<object?> { k.Type, k.Source, k.Target, _writtenLinks[k], null }).ToList()]]),
                _ => Rows([], []),
            };
        }
    }

    private static JsonObject Remember(JsonNode? parameters, Action<JsonNode> remember)
    {
        foreach (var row in parameters?["rows"] as JsonArray ?? [])
        {
            remember(row!);
        }
        return Rows([], []);
    }

    private List<Dictionary<string, object?>> OfKinds(JsonNode? parameters) =>
        parameters?["kinds"] is JsonArray kinds
            ? Nodes.Where(n => kinds.Any(k => k!.GetValue<string>() == (string)n["kind"]!)).ToList()
            : Nodes.ToList();

    private Dictionary<string, object?>? Node(string id) => Nodes.FirstOrDefault(n => (string)n["id"]! == id);

    private static JsonObject Rows(string[] fields, IEnumerable<object?[]> rows) => new()
    {
        ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
        ["values"] = new JsonArray(rows.Select(r => (JsonNode?)new JsonArray(r.Select(Typed).ToArray())).ToArray()),
    };

    /// <summary>A value in the Query API's typed JSON.</summary>
    private static JsonNode Typed(object? value) => value switch
    {
        null => Of("Null", null),
        string s => Of("String", JsonValue.Create(s)),
        bool b => Of("Boolean", JsonValue.Create(b)),
        int or long => Of("Integer", JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))),
        double d => Of("Float", JsonValue.Create(d)),
        IReadOnlyDictionary<string, object?> map => Of("Map", new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Typed(p.Value))))),
        System.Collections.IEnumerable list => Of("List", new JsonArray(list.Cast<object?>().Select(v => (JsonNode?)Typed(v)).ToArray())),
        _ => throw new ArgumentException($"No typed JSON for {value.GetType().Name}."),
    };

    private static JsonObject Of(string type, JsonNode? value) => new() { ["$type"] = type, ["_value"] = value };
}
