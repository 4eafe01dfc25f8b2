using System.Diagnostics;
using System.Text.Json;
using CoopGraph.Domain.Analytics.Centrality;
using CoopGraph.Domain.Analytics.Communities;
using CoopGraph.Domain.Analytics.Paths;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Domain.Tests;

/// <summary>
/// Our analytics against networkx and igraph on a real network read from ../shared/data: doctoral schools and the
/// establishments and research labs they join (MESR open data, 2020). The reference is computed here, by
/// ../shared/tools/graph-reference, because data from elsewhere is read where it lies, never copied into the project.
/// </summary>
public sealed class SharedDataReferenceTests
{
    [SharedDataFact]
    public async Task DoctoralSchoolNetwork_AgreesWithNetworkxAndIgraph()
    {
        var shared = SharedData.Folder();
        var edges = ReadEdges(Path.Combine(shared, "data", "esr", "ecoles_doctorales_etablissements_2020.csv"), "uai")
            .Concat(ReadEdges(Path.Combine(shared, "data", "esr", "ecoles_doctorales_laboratoires_2020.csv"), "rnsr"))
            .ToList();
        var csv = Path.Combine(Path.GetTempPath(), $"coopgraph-doctoral-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(csv, ["source,target", .. edges.Select(e => $"{e.A},{e.B}")]);
        JsonElement reference;
        try
        {
            reference = await RunReferenceAsync(Path.Combine(shared, "tools", "graph-reference"), csv);
        }
        finally
        {
            File.Delete(csv);
        }
        var g = ReferenceGraph.FromEdges(edges, reference, []);

        var betweenness = Betweenness.Compute(g.Graph);
        var components = Traversal.Components(g.Graph);
        var modularity = Modularity.Of(g.Graph, Louvain.Detect(g.Graph));

        Assert.True(g.Graph.NodeCount > 2_000, $"expected the whole network, got {g.Graph.NodeCount} nodes");
        Assert.Equal(reference.GetProperty("edges").GetInt32(), g.Graph.EdgeCount);
        foreach (var node in reference.GetProperty("betweenness").EnumerateObject())
        {
            Assert.Equal(node.Value.GetDouble(), betweenness.Scores[g.Index(node.Name)], 1e-9);
        }
        Assert.Equal(
            reference.GetProperty("components").EnumerateArray().Select(c => c.GetArrayLength()),
            components.Select(c => c.Length));
        Assert.True(modularity >= 0.97 * reference.GetProperty("louvain").GetProperty("modularity").GetDouble());
    }

    private static IEnumerable<(string A, string B)> ReadEdges(string path, string prefix) =>
        File.ReadLines(path).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f.Length > 1 && f[0].Length > 0 && f[1].Length > 0)
            .Select(f => ($"ed:{f[0]}", $"{prefix}:{f[1]}"));

    private static async Task<JsonElement> RunReferenceAsync(string tool, string csv)
    {
        var start = new ProcessStartInfo("bash", [tool, csv]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"graph-reference failed ({process.ExitCode}): {await errors}");
        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}
