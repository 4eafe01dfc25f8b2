using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Neo4j;

/// <summary>Nodes to and from their properties in Neo4j, by hand and kind by kind.</summary>
internal static class NodeMaps
{
    /// <summary>One row of nodes-upsert.cypher. Every property is named, null when the node has none, so that += clears it.</summary>
    public static Dictionary<string, object?> Row(Node node, long seq)
    {
        var props = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["kind"] = node.Kind.ToString(),
            ["name"] = node.Name,
            ["description"] = node.Description,
            ["tags"] = node.Tags,
            ["source"] = node.Source,
            ["domains"] = node.OwnDomains.ToList().Select(d => d.ToString()).ToList(),
            ["level"] = null, ["code"] = null, ["population"] = null, ["legalForm"] = null, ["siren"] = null,
            ["universityKind"] = null, ["instrument"] = null, ["budget"] = null, ["parentId"] = null,
        };
        string? start = null, end = null;
        switch (node)
        {
            case Authority a:
                (props["level"], props["code"], props["population"]) = (a.Level.ToString(), a.Code, a.Population);
                break;
            case SseActor s:
                (props["legalForm"], props["siren"]) = (s.LegalForm.ToString(), s.Siren);
                break;
            case University u:
                props["universityKind"] = u.UniversityKind.ToString();
                break;
            case Policy p:
                (props["instrument"], props["budget"]) = (p.Instrument.ToString(), PropertyMaps.Param(p.Budget));
                (start, end) = (PropertyMaps.Param(p.Start), PropertyMaps.Param(p.End));
                break;
            case Territory t:
                (props["level"], props["code"], props["parentId"]) = (t.Level.ToString(), t.Code, t.ParentId);
                break;
        }
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = node.Id, ["kind"] = node.Kind.ToString(), ["seq"] = seq, ["props"] = props, ["start"] = start, ["end"] = end,
        };
    }

    public static Node Read(object? value)
    {
        var p = PropertyMaps.Map(value);
        var id = p.RequiredText("id");
        var name = p.RequiredText("name");
        var domains = p.Strings("domains").Select(System.Enum.Parse<PolicyDomain>).ToList();
        Node node = System.Enum.Parse<NodeKind>(p.RequiredText("kind")) switch
        {
            NodeKind.Authority => new Authority { Id = id, Name = name, Level = p.Enum<AuthorityLevel>("level")!.Value, Code = p.Text("code"), Population = p.Long("population") },
            NodeKind.Service => new Service { Id = id, Name = name, Domain = domains[0] },
            NodeKind.SseActor => new SseActor { Id = id, Name = name, LegalForm = p.Enum<LegalForm>("legalForm")!.Value, Siren = p.Text("siren") },
            NodeKind.University => new University { Id = id, Name = name, UniversityKind = p.Enum<UniversityKind>("universityKind")!.Value },
            NodeKind.InnovationLab => new InnovationLab { Id = id, Name = name },
            NodeKind.Policy => new Policy
            {
                Id = id, Name = name, Domains = domains, Instrument = p.Enum<Instrument>("instrument")!.Value,
                Budget = p.Decimal("budget"), Start = p.Date("start"), End = p.Date("end"),
            },
            NodeKind.Theme => new Theme { Id = id, Name = name, Domain = domains[0] },
            NodeKind.Territory => new Territory { Id = id, Name = name, Code = p.RequiredText("code"), Level = p.Enum<TerritoryLevel>("level")!.Value, ParentId = p.Text("parentId") },
            var kind => throw new InvalidDataException($"Unknown node kind {kind}."),
        };
        return node with
        {
            Description = p.Text("description"),
            Tags = p.Strings("tags"),
            Source = p.Text("source"),
            CreatedAt = p.Instant("createdAt"),
            UpdatedAt = p.Instant("updatedAt"),
        };
    }

    public static long Seq(object? value) => PropertyMaps.Map(value).Long("seq") ?? 0;
}
