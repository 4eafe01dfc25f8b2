using CoopGraph.Domain.Model;
using CoopGraph.Graph.Storage;

namespace CoopGraph.Graph.Neo4j;

/// <summary>Nodes to and from their properties in Neo4j, through <see cref="NodeFields"/>.</summary>
internal static class NodeMaps
{
    /// <summary>
    /// One row of nodes-upsert.cypher (or nodes-create.cypher). Every property is named, null when the node has none, so
    /// that += clears it; a node being created has nothing to clear, and <paramref name="omitNulls"/> leaves them out.
    /// </summary>
    public static Dictionary<string, object?> Row(Node node, long seq, bool omitNulls = false)
    {
        var f = NodeFields.Of(node);
        var props = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["kind"] = f.Kind.ToString(),
            ["name"] = f.Name,
            ["description"] = f.Description,
            ["tags"] = f.Tags,
            ["source"] = f.Source,
            ["domains"] = f.Domains.ToList().Select(d => d.ToString()).ToList(),
            ["level"] = f.Level,
            ["code"] = f.Code,
            ["population"] = f.Population,
            ["legalForm"] = f.LegalForm,
            ["siren"] = f.Siren,
            ["universityKind"] = f.UniversityKind,
            ["instrument"] = f.Instrument,
            ["budget"] = PropertyMaps.Param(f.Budget),
            ["parentId"] = f.ParentId,
            ["privateTo"] = f.PrivateTo,
        };
        if (omitNulls)
        {
            PropertyMaps.RemoveNulls(props);
        }
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = f.Id, ["kind"] = f.Kind.ToString(), ["seq"] = seq, ["props"] = props,
            ["start"] = PropertyMaps.Param(f.Start), ["end"] = PropertyMaps.Param(f.End),
        };
    }

    public static Node Read(object? value)
    {
        var p = PropertyMaps.Map(value);
        return new NodeFields
        {
            Id = p.RequiredText("id"),
            Kind = System.Enum.Parse<NodeKind>(p.RequiredText("kind")),
            Name = p.RequiredText("name"),
            Description = p.Text("description"),
            Tags = p.Strings("tags"),
            Source = p.Text("source"),
            Domains = DomainSet.Of(p.Strings("domains").Select(System.Enum.Parse<PolicyDomain>)),
            Level = p.Text("level"),
            Code = p.Text("code"),
            Population = p.Long("population"),
            LegalForm = p.Text("legalForm"),
            Siren = p.Text("siren"),
            UniversityKind = p.Text("universityKind"),
            Instrument = p.Text("instrument"),
            Budget = p.Decimal("budget"),
            Start = p.Date("start"),
            End = p.Date("end"),
            ParentId = p.Text("parentId"),
            PrivateTo = p.Text("privateTo"),
            CreatedAt = p.Instant("createdAt"),
            UpdatedAt = p.Instant("updatedAt"),
        }.ToNode();
    }

    public static long Seq(object? value) => PropertyMaps.Map(value).Long("seq") ?? 0;
}
