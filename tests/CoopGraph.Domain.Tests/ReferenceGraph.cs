using System.Text.Json;
using CoopGraph.Domain.Analytics.Scoping;

namespace CoopGraph.Domain.Tests;

/// <summary>An edge-list graph (source,target CSV) with the reference metrics graph-reference computed for it.</summary>
public sealed class ReferenceGraph
{
    private ReferenceGraph(string[] labels, CooperationGraph graph, JsonElement reference, List<(string A, string B)> pairs)
    {
        Labels = labels;
        Graph = graph;
        Reference = reference;
        Pairs = pairs;
    }

    public string[] Labels { get; }

    public CooperationGraph Graph { get; }

    public JsonElement Reference { get; }

    public List<(string A, string B)> Pairs { get; }

    public int Index(string label) => Array.BinarySearch(Labels, label, StringComparer.Ordinal);

    public static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", file);

    public static ReferenceGraph LoadFixture(string name)
    {
        var reference = JsonDocument.Parse(File.ReadAllText(FixturePath(name + ".reference.json"))).RootElement;
        var pairsFile = FixturePath(name + ".pairs.csv");
        var pairs = File.Exists(pairsFile) ? ReadEdges(pairsFile) : [];
        return FromEdges(ReadEdges(FixturePath(name + ".csv")), reference, pairs);
    }

    public static ReferenceGraph FromEdges(List<(string A, string B)> edges, JsonElement reference, List<(string A, string B)> pairs)
    {
        // Nodes are those that appear in an edge, numbered in ordinal order of their labels, as graph-reference sorts them.
        var labels = edges.SelectMany(e => new[] { e.A, e.B }).Distinct().Order(StringComparer.Ordinal).ToArray();
        int Index(string label) => Array.BinarySearch(labels, label, StringComparer.Ordinal);
        var graph = CooperationGraph.FromEdges(labels.Length, edges.Select(e => (Index(e.A), Index(e.B))));
        return new ReferenceGraph(labels, graph, reference, pairs);
    }

    public static List<(string A, string B)> ReadEdges(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(f => (f[0].Trim(), f[1].Trim()))
            .ToList();
}
