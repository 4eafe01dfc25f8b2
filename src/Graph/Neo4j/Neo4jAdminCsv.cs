using System.Globalization;
using System.Text;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Neo4j;

/// <summary>
/// Writes an export as the CSV files that <c>neo4j-admin database import full</c> reads, with their headers, holding
/// what the Neo4j store itself writes: nodes with :Node and their kind's label and the properties of
/// nodes-upsert.cypher, links as relationships of their type with the properties of links-upsert.cypher, the
/// territorial tree as HAS_PARENT, and the store's meta node (version, next seq). The Neo4j store starts on the
/// imported database as on its own, and creates its constraints and indexes then.
/// </summary>
public sealed class Neo4jAdminCsv : ISequencedSink, IDisposable
{
    /// <summary>The separator of list values (labels, tags, domains): one that names and tags do not use.</summary>
    public const char ArrayDelimiter = '|';

    public const string NodesFile = "nodes.csv";
    public const string LinksFile = "links.csv";
    public const string ParentsFile = "parents.csv";
    public const string MetaFile = "meta.csv";

    // Columns in the order of the header; the part after ':' is neo4j-admin's type of the column.
    private static readonly string[] NodeProperties =
    [
        "kind", "name", "description", "tags:string[]", "source", "domains:string[]", "level", "code", "population:long", "legalForm",
        "siren", "universityKind", "instrument", "budget", "parentId", "privateTo",
    ];

    private static readonly string[] LinkProperties =
    [
        "note", "source", "cooperationKind", "intensity:long", "instrument", "amount", "domain", "year:long", "outcome", "stage", "privateTo",
    ];

    private readonly string _folder;
    private readonly StreamWriter _nodes;
    private readonly StreamWriter _links;
    private readonly StreamWriter _parents;
    private long _maxSeq;

    public Neo4jAdminCsv(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        _nodes = Open(NodesFile, ["id:ID", ":LABEL", .. NodeProperties, "start:date", "end:date", "seq:long", "createdAt:datetime", "updatedAt:datetime"]);
        _links = Open(LinksFile, [":START_ID", ":END_ID", ":TYPE", "id", .. LinkProperties, "since:date", "until:date", "seq:long"]);
        _parents = Open(ParentsFile, [":START_ID", ":END_ID", ":TYPE"]);
    }

    public long Nodes { get; private set; }

    public long Links { get; private set; }

    /// <summary>The command that loads the files into <paramref name="database"/> (Neo4j stopped; the database is replaced).</summary>
    public static string ImportCommand(string folder, string database = "neo4j") =>
        $"neo4j-admin database import full {database} --overwrite-destination --multiline-fields=true --array-delimiter=\"{ArrayDelimiter}\" "
        + $"--nodes={Path.Combine(folder, MetaFile)} --nodes={Path.Combine(folder, NodesFile)} "
        + $"--relationships={Path.Combine(folder, LinksFile)} --relationships={Path.Combine(folder, ParentsFile)}";

    public void AddNode(Node node) => throw new NotSupportedException("The files carry each node's seq: export through ISequencedSink.");

    public void AddLink(Link link) => throw new NotSupportedException("The files carry each link's seq: export through ISequencedSink.");

    public void AddNode(Node node, long seq)
    {
        var row = NodeMaps.Row(node, seq);
        var props = (Dictionary<string, object?>)row["props"]!;
        var kind = (string)row["kind"]!;
        var fields = new List<string?> { node.Id, "Node" + ArrayDelimiter + kind };
        fields.AddRange(NodeProperties.Select(column => Field(props[Name(column)])));
        fields.AddRange([Field(row["start"]), Field(row["end"]), Field(seq), Instant(node.CreatedAt), Instant(node.UpdatedAt)]);
        Write(_nodes, fields);
        if (node is Territory { ParentId: { } parent })
        {
            Write(_parents, [node.Id, parent, "HAS_PARENT"]);
        }
        _maxSeq = Math.Max(_maxSeq, seq);
        Nodes++;
    }

    public void AddLink(Link link, long seq)
    {
        var row = LinkMaps.Row(link, seq);
        var props = (Dictionary<string, object?>)row["props"]!;
        var fields = new List<string?> { link.SourceId, link.TargetId, (string)row["type"]!, link.Id };
        fields.AddRange(LinkProperties.Select(column => Field(props[Name(column)])));
        fields.AddRange([Field(row["since"]), Field(row["until"]), Field(seq)]);
        Write(_links, fields);
        _maxSeq = Math.Max(_maxSeq, seq);
        Links++;
    }

    /// <summary>Writes the meta node: the version exported, and the seq the next write starts from.</summary>
    public void Finish(long version)
    {
        using var meta = Open(MetaFile, ["key:ID(Meta)", ":LABEL", "version:long", "nextSeq:long"]);
        Write(meta, ["store", "CoopGraphMeta", Field(version), Field(_maxSeq + 1)]);
    }

    public void Dispose()
    {
        _nodes.Dispose();
        _links.Dispose();
        _parents.Dispose();
    }

    private StreamWriter Open(string file, IReadOnlyList<string> header)
    {
        var writer = new StreamWriter(Path.Combine(_folder, file), append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        // Headers unquoted: neo4j-admin reads a header's names and types as they are written.
        writer.Write(string.Join(',', header));
        writer.Write('\n');
        return writer;
    }

    private static string Name(string column) => column.Split(':')[0];

    private static string? Instant(DateTimeOffset value) => value == default ? null : PropertyMaps.Param(value);

    /// <summary>A property as neo4j-admin reads it: null is an empty field (no property), lists joined by the array delimiter.</summary>
    private static string? Field(object? value) => value switch
    {
        null => null,
        string s => s,
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture),
        IEnumerable<string> list => Join(list),
        _ => throw new InvalidOperationException($"No CSV field for a {value.GetType().Name}."),
    };

    private static string? Join(IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Any(v => v.Contains(ArrayDelimiter, StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"A list value holds '{ArrayDelimiter}', neo4j-admin's array delimiter here: {list.First(v => v.Contains(ArrayDelimiter, StringComparison.Ordinal))}");
        }
        return list.Count == 0 ? null : string.Join(ArrayDelimiter, list);
    }

    private static void Write(StreamWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            if (fields[i] is { } field)
            {
                // Every non-empty field quoted, quotes doubled: commas, quotes and line breaks in names stay data.
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
        }
        writer.Write('\n');
    }
}
