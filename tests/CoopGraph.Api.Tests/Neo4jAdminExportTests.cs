using System.Text;
using CoopGraph.Api.Commands;
using CoopGraph.Domain.Generation;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Interchange;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Api.Tests;

/// <summary>
/// <c>export --format neo4j-admin</c>: the files <c>neo4j-admin database import full</c> reads, headers first, holding
/// every node, link, territorial parent and the store's meta node, with text that needs quoting kept whole.
/// </summary>
public sealed class Neo4jAdminExportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TheDemoGraph_IsWrittenAsNeo4jAdminFiles_WithEveryNodeLinkAndParent()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "graph.db");
        var lines = Path.Combine(_folder, "demo.ndjson");
        var generated = new GraphCollector();
        using (var file = File.Create(lines))
        using (var writer = new NdjsonGraphWriter(file))
        {
            new GraphGenerator(GeneratorScale.Demo).Generate(writer);
            new GraphGenerator(GeneratorScale.Demo).Generate(generated);
        }
        await File.AppendAllLinesAsync(lines,
            ["""{"op":"node","kind":"SSE_ACTOR","id":"sse:quoted","name":"Café \"Le Lien\", épicerie","description":"Deux lignes,\nune virgule","legalForm":"ASSOCIATION","tags":["vrac","zéro déchet"]}"""]);
        Assert.Equal(0, await ImportCommand.RunAsync([lines, "--Graph:Embedded:Path", database], TextWriter.Null, TextWriter.Null, CancellationToken.None));
        var target = Path.Combine(_folder, "neo4j");
        using var output = new StringWriter();

        var exit = await ExportCommand.RunAsync(["--out", target, "--format", "neo4j-admin", "--Graph:Embedded:Path", database], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("neo4j-admin database import full neo4j", output.ToString(), StringComparison.Ordinal);
        var nodes = Read(Path.Combine(target, "nodes.csv"));
        var links = Read(Path.Combine(target, "links.csv"));
        var parents = Read(Path.Combine(target, "parents.csv"));
        var meta = Read(Path.Combine(target, "meta.csv"));

        Assert.Equal("id:ID", nodes.Header[0]);
        Assert.Equal(":LABEL", nodes.Header[1]);
        Assert.Contains("seq:long", nodes.Header);
        Assert.Contains("start:date", nodes.Header);
        Assert.Contains("createdAt:datetime", nodes.Header);
        Assert.Equal([":START_ID", ":END_ID", ":TYPE", "id"], links.Header.Take(4));
        Assert.Equal(generated.Nodes.Count + 1, nodes.Rows.Count);
        Assert.Equal(generated.Links.Count, links.Rows.Count);

        var ids = nodes.Rows.Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(nodes.Rows.Count, ids.Count);
        Assert.All(nodes.Rows, r => Assert.Equal("Node|" + r[nodes.Header.IndexOf("kind")], r[1]));
        Assert.All(links.Rows, r => Assert.True(ids.Contains(r[0]!) && ids.Contains(r[1]!), $"link {r[3]} has an end that is not a node"));
        var types = Enum.GetValues<LinkType>().Select(LinkTypeNames.ToConstant).ToHashSet(StringComparer.Ordinal);
        Assert.All(links.Rows, r => Assert.Contains(r[2]!, types));
        Assert.Equal(generated.Nodes.OfType<Territory>().Count(t => t.ParentId is not null), parents.Rows.Count);
        Assert.All(parents.Rows, r => Assert.Equal("HAS_PARENT", r[2]));

        var quoted = nodes.Rows.Single(r => r[0] == "sse:quoted");
        Assert.Equal("Café \"Le Lien\", épicerie", quoted[nodes.Header.IndexOf("name")]);
        Assert.Equal("Deux lignes,\nune virgule", quoted[nodes.Header.IndexOf("description")]);
        Assert.Equal("vrac|zéro déchet", quoted[nodes.Header.IndexOf("tags:string[]")]);

        var seqs = nodes.Rows.Select(r => long.Parse(r[nodes.Header.IndexOf("seq:long")]!)).Concat(links.Rows.Select(r => long.Parse(r[links.Header.IndexOf("seq:long")]!))).ToList();
        Assert.Equal(["key:ID(Meta)", ":LABEL", "version:long", "nextSeq:long"], meta.Header);
        var store = Assert.Single(meta.Rows);
        Assert.Equal("CoopGraphMeta", store[1]);
        Assert.True(long.Parse(store[2]!) > 0);
        Assert.Equal(seqs.Max() + 1, long.Parse(store[3]!));
    }

    [Fact]
    public async Task AFolderThatIsNotEmpty_IsRefused()
    {
        var target = Path.Combine(_folder, "neo4j");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "nodes.csv"), "kept");
        using var errors = new StringWriter();

        var exit = await ExportCommand.RunAsync(["--out", target, "--format", "neo4j-admin", "--Graph:Embedded:Path", Path.Combine(_folder, "graph.db")], TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("not empty", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal("kept", await File.ReadAllTextAsync(Path.Combine(target, "nodes.csv")));
    }

    private sealed record CsvFile(List<string> Header, List<string?[]> Rows);

    /// <summary>Reads a file as neo4j-admin does: the header's names as written, quoted fields with doubled quotes and line breaks, empty fields as no value.</summary>
    private static CsvFile Read(string path)
    {
        var text = File.ReadAllText(path);
        var rows = new List<string?[]>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        bool quoted = false, wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = wasQuoted = true;
            }
            else if (c is ',' or '\n')
            {
                fields.Add(field.Length == 0 && !wasQuoted ? null : field.ToString());
                field.Clear();
                wasQuoted = false;
                if (c == '\n')
                {
                    rows.Add([.. fields]);
                    fields.Clear();
                }
            }
            else
            {
                field.Append(c);
            }
        }
        Assert.True(rows.Count > 0 && fields.Count == 0 && field.Length == 0, $"{path} does not end with a line break");
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        return new CsvFile(rows[0].Select(h => h!).ToList(), rows.Skip(1).ToList());
    }
}
