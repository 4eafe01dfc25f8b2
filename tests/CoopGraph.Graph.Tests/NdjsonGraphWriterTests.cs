using System.Text.Json;
using CoopGraph.Domain.Generation;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Interchange;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Graph.Tests;

public sealed class NdjsonGraphWriterTests
{
    [Fact]
    public void GeneratedGraph_IsWrittenAsOneImportLinePerNodeAndLink()
    {
        var collected = new GraphCollector();
        new GraphGenerator(GeneratorScale.Demo).Generate(collected);
        using var buffer = new MemoryStream();

        using (var writer = new NdjsonGraphWriter(buffer))
        {
            new GraphGenerator(GeneratorScale.Demo).Generate(writer);
        }

        var lines = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var services = collected.Nodes.OfType<Service>().Select(s => s.Id).ToHashSet();
        var servicePartOf = collected.Links.Count(l => l.Type == LinkType.PartOf && services.Contains(l.SourceId));
        // A service's PART_OF link travels on the service's own line, as authorityId.
        Assert.Equal(collected.Nodes.Count + collected.Links.Count - servicePartOf, lines.Count);
        Assert.Equal(collected.Nodes.Count, lines.Count(l => l.GetProperty("op").GetString() == "node"));
        var service = lines.First(l => l.GetProperty("op").GetString() == "node" && l.GetProperty("kind").GetString() == "SERVICE");
        Assert.Matches("^[A-Z_]+$", service.GetProperty("domain").GetString()!);
        Assert.StartsWith("auth:", service.GetProperty("authorityId").GetString());
        var cooperation = lines.First(l => l.GetProperty("op").GetString() == "link" && l.GetProperty("type").GetString() == "COOPERATES_WITH");
        Assert.InRange(cooperation.GetProperty("intensity").GetInt32(), 1, 5);
        Assert.True(string.CompareOrdinal(cooperation.GetProperty("sourceId").GetString(), cooperation.GetProperty("targetId").GetString()) < 0);
    }

    [Fact]
    public void Generator_IsDeterministic_ForASeed_AndDiffersAcrossSeeds()
    {
        static string Fingerprint(ulong seed)
        {
            var graph = new GraphCollector();
            new GraphGenerator(GeneratorScale.Demo, seed).Generate(graph);
            return string.Join(';', graph.Links.Where(l => l.Type == LinkType.CooperatesWith).Select(l => l.SourceId + "-" + l.TargetId));
        }

        Assert.Equal(Fingerprint(7), Fingerprint(7));
        Assert.NotEqual(Fingerprint(7), Fingerprint(8));
    }
}
