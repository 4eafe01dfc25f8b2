using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Neo4j.QueryApi;
using static CoopGraph.Graph.Neo4j.Neo4jGraphStore;

namespace CoopGraph.Graph.Neo4j;

/// <summary>
/// Answers a <see cref="FactsRequest"/> inside the write transaction (one statement per kind of fact), and keeps the
/// element ids of the links it found, so that the same transaction can delete or move them.
/// </summary>
internal static class Neo4jFacts
{
    private static readonly CypherStatement Kinds = CypherStatement.Load("facts-kinds");
    private static readonly CypherStatement Territories = CypherStatement.Load("facts-territories");
    private static readonly CypherStatement Authorities = CypherStatement.Load("facts-authorities");
    private static readonly CypherStatement Dependants = CypherStatement.Load("facts-dependants");
    private static readonly CypherStatement Links = CypherStatement.Load("links-get");
    private static readonly CypherStatement Keys = CypherStatement.Load("facts-link-keys");

    public static async Task<(StoreFacts Facts, IReadOnlyDictionary<string, string> LinkElements)> ReadAsync(
        Neo4jTransaction transaction, FactsRequest request, CancellationToken ct)
    {
        var kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await RowsAsync(transaction, Kinds, "ids", request.NodeIds, ct))
        {
            kinds[(string)row[0]!] = Enum.Parse<NodeKind>((string)row[1]!);
            if (row[2] is string owner)
            {
                owners[(string)row[0]!] = owner;
            }
        }

        var territories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await RowsAsync(transaction, Territories, "codes", request.TerritoryCodes, ct))
        {
            territories[(string)row[0]!] = (string)row[1]!;
            kinds[(string)row[1]!] = NodeKind.Territory;
        }

        var authorities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await RowsAsync(transaction, Authorities, "ids", request.ServiceIds, ct))
        {
            authorities[(string)row[0]!] = (string)row[1]!;
        }

        var dependantRows = await RowsAsync(transaction, Dependants, "ids", request.DeletedNodeIds, ct);
        var dependants = dependantRows.Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        foreach (var row in dependantRows.Where(r => r[2] is string))
        {
            owners[(string)row[1]!] = (string)row[2]!;
        }

        var links = new Dictionary<string, Link>(StringComparer.Ordinal);
        var elements = new Dictionary<string, string>(StringComparer.Ordinal);
        // The facts of a write see everything: what the writer may not see is the planner's to refuse.
        var linkRows = request.LinkIds.Count == 0 ? []
            : (await transaction.RunAsync(Links, Params([.. Seen(Viewer.Everything), ("ids", request.LinkIds)]), ct)).Rows;
        foreach (var row in linkRows)
        {
            var link = LinkMaps.Read(row[0]);
            links[link.Id] = link;
            elements[link.Id] = (string)row[1]!;
        }

        var keys = new Dictionary<LinkKey, string>();
        var privateLinks = new Dictionary<string, string>(StringComparer.Ordinal);
        var keyRows = request.LinkKeys.Select(k => (IReadOnlyDictionary<string, object?>)Params(
            ("type", LinkTypeNames.ToConstant(k.Type)), ("sourceId", k.SourceId), ("targetId", k.TargetId))).ToList();
        foreach (var row in await RowsAsync(transaction, Keys, "keys", keyRows, ct))
        {
            keys[new LinkKey(LinkTypeNames.Parse((string)row[0]!), (string)row[1]!, (string)row[2]!)] = (string)row[3]!;
            if (row[4] is string owner)
            {
                privateLinks[(string)row[3]!] = owner;
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

    private static async Task<IReadOnlyList<object?[]>> RowsAsync<T>(
        Neo4jTransaction transaction, CypherStatement statement, string parameter, IReadOnlyCollection<T> values, CancellationToken ct)
    {
        if (values.Count == 0)
        {
            return [];
        }
        var result = await transaction.RunAsync(statement, Params((parameter, values)), ct);
        return result.Rows;
    }
}
