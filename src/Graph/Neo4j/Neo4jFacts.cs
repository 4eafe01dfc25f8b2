using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Neo4j.QueryApi;
using static CoopGraph.Graph.Neo4j.Neo4jGraphStore;

namespace CoopGraph.Graph.Neo4j;

/// <summary>
/// Answers a <see cref="FactsRequest"/> inside the write transaction (one statement for every kind of fact), and keeps the
/// element ids of the links it found, so that the same transaction can delete or move them.
/// </summary>
internal static class Neo4jFacts
{
    private static readonly CypherStatement Facts = CypherStatement.Load("facts");

    public static async Task<(StoreFacts Facts, IReadOnlyDictionary<string, string> LinkElements)> ReadAsync(
        Neo4jTransaction transaction, FactsRequest request, CancellationToken ct)
    {
        var keyRows = request.LinkKeys.Select(k => (IReadOnlyDictionary<string, object?>)Params(
            ("type", LinkTypeNames.ToConstant(k.Type)), ("sourceId", k.SourceId), ("targetId", k.TargetId))).ToList();
        // The facts of a write see everything: what the writer may not see is the planner's to refuse.
        var result = await transaction.RunAsync(Facts, Params(
            ("ids", request.NodeIds), ("codes", request.TerritoryCodes), ("serviceIds", request.ServiceIds),
            ("deletedIds", request.DeletedNodeIds), ("linkIds", request.LinkIds), ("keys", keyRows)), ct);
        if (result.Rows.Count == 0)
        {
            throw new Neo4jProtocolException("The facts of a write answered no row; they always answer one.");
        }
        var row = result.Rows[0];

        var kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in Lists(row[0]))
        {
            kinds[(string)kind[0]!] = Enum.Parse<NodeKind>((string)kind[1]!);
            if (kind[2] is string owner)
            {
                owners[(string)kind[0]!] = owner;
            }
        }

        var territories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var territory in Lists(row[1]))
        {
            territories[(string)territory[0]!] = (string)territory[1]!;
            kinds[(string)territory[1]!] = NodeKind.Territory;
        }

        var authorities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in Lists(row[2]))
        {
            authorities[(string)service[0]!] = (string)service[1]!;
        }

        var dependantRows = Lists(row[3]);
        var dependants = dependantRows.Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        foreach (var dependant in dependantRows.Where(r => r[2] is string))
        {
            owners[(string)dependant[1]!] = (string)dependant[2]!;
        }

        var links = new Dictionary<string, Link>(StringComparer.Ordinal);
        var elements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var found in Lists(row[4]))
        {
            var link = LinkMaps.Read(found[0]);
            links[link.Id] = link;
            elements[link.Id] = (string)found[1]!;
        }

        var keys = new Dictionary<LinkKey, string>();
        var privateLinks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in Lists(row[5]))
        {
            keys[new LinkKey(LinkTypeNames.Parse((string)key[0]!), (string)key[1]!, (string)key[2]!)] = (string)key[3]!;
            if (key[4] is string owner)
            {
                privateLinks[(string)key[3]!] = owner;
            }
        }

        var facts = new StoreFacts
        {
            Kinds = kinds,
            PrivateTo = owners,
            PrivateLinks = privateLinks,
            TerritoryIdsByCode = territories,
            AuthorityOfService = authorities,
            Dependants = StoreFacts.GroupDependants(dependants),
            LinksById = links,
            LinkIdsByKey = keys,
        };
        return (facts, elements);
    }

    private static IReadOnlyList<IReadOnlyList<object?>> Lists(object? column) =>
        ((IReadOnlyList<object?>)column!).Select(item => (IReadOnlyList<object?>)item!).ToList();
}
