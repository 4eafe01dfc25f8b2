using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using Microsoft.Data.Sqlite;
using static CoopGraph.Graph.Embedded.SqlValues;

namespace CoopGraph.Graph.Embedded;

/// <summary>Answers a <see cref="FactsRequest"/> inside the write transaction, one query per kind of fact.</summary>
internal static class FactsReader
{
    private const string KindsSql = "SELECT id, kind, private_to FROM nodes WHERE id IN (SELECT value FROM json_each(@ids))";

    private const string TerritoriesSql =
        "SELECT code, id FROM nodes WHERE kind = 'Territory' AND code IN (SELECT value FROM json_each(@codes))";

    private const string AuthoritiesSql =
        """
        SELECT l.source_id, l.target_id FROM links l JOIN nodes s ON s.id = l.source_id
        WHERE l.type = 'PART_OF' AND s.kind = 'Service' AND l.source_id IN (SELECT value FROM json_each(@ids))
        """;

    private const string DependantsSql =
        """
        SELECT l.target_id, l.source_id, s.private_to FROM links l JOIN nodes s ON s.id = l.source_id
        WHERE l.type = 'PART_OF' AND s.kind = 'Service' AND l.target_id IN (SELECT value FROM json_each(@ids))
          AND (s.private_to IS NULL OR s.private_to <> l.target_id)
        UNION ALL
        SELECT parent_id, id, private_to FROM nodes WHERE parent_id IN (SELECT value FROM json_each(@ids)) AND kind = 'Territory'
        """;

    private const string LinksSql = "SELECT " + LinkRows.Columns + " FROM links l WHERE l.id IN (SELECT value FROM json_each(@ids))";

    // Only types stored once per pair of ends are asked for, so the unique index on the ends answers every key; naming
    // it keeps SQLite (which has no statistics here) from walking a target index that can hold thousands of links.
    private const string KeysSql =
        """
        WITH k(type, source_id, target_id) AS (
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(@keys)
        )
        SELECT l.type, l.source_id, l.target_id, l.id, l.private_to
        FROM k CROSS JOIN links l INDEXED BY ux_links_ends
        WHERE l.type = k.type AND l.source_id = k.source_id AND l.target_id = k.target_id AND l.type NOT IN ('FUNDS', 'APPLIED_TO', 'INVOLVES')
        """;

    public static async Task<StoreFacts> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, FactsRequest request, CancellationToken ct)
    {
        var kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        await ForEachAsync(connection, transaction, KindsSql, "@ids", request.NodeIds, r =>
        {
            kinds[r.GetString(0)] = Enum.Parse<NodeKind>(r.GetString(1));
            if (!r.IsDBNull(2))
            {
                owners[r.GetString(0)] = r.GetString(2);
            }
        }, ct);

        var territories = new Dictionary<string, string>(StringComparer.Ordinal);
        await ForEachAsync(connection, transaction, TerritoriesSql, "@codes", request.TerritoryCodes, r =>
        {
            territories[r.GetString(0)] = r.GetString(1);
            kinds[r.GetString(1)] = NodeKind.Territory;
        }, ct);

        var authorities = new Dictionary<string, string>(StringComparer.Ordinal);
        await ForEachAsync(connection, transaction, AuthoritiesSql, "@ids", request.ServiceIds, r => authorities[r.GetString(0)] = r.GetString(1), ct);

        var dependants = new List<(string, string)>();
        await ForEachAsync(connection, transaction, DependantsSql, "@ids", request.DeletedNodeIds, r =>
        {
            dependants.Add((r.GetString(0), r.GetString(1)));
            if (!r.IsDBNull(2))
            {
                owners[r.GetString(1)] = r.GetString(2);
            }
        }, ct);

        var links = new Dictionary<string, Link>(StringComparer.Ordinal);
        await ForEachAsync(connection, transaction, LinksSql, "@ids", request.LinkIds, r => links[r.GetString(0)] = LinkRows.Read(r), ct);

        var keys = new Dictionary<LinkKey, string>();
        var privateLinks = new Dictionary<string, string>(StringComparer.Ordinal);
        var keyRows = request.LinkKeys.Select(k => new[] { LinkTypeNames.ToConstant(k.Type), k.SourceId, k.TargetId }).ToList();
        await ForEachAsync(connection, transaction, KeysSql, "@keys", keyRows,
            r =>
            {
                keys[new LinkKey(LinkTypeNames.Parse(r.GetString(0)), r.GetString(1), r.GetString(2))] = r.GetString(3);
                if (!r.IsDBNull(4))
                {
                    privateLinks[r.GetString(3)] = r.GetString(4);
                }
            }, ct);

        return new StoreFacts
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
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Every caller passes one of the constant statements of this class.")]
    private static async Task ForEachAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, string sql, string parameter, IReadOnlyCollection<T> values,
        Action<SqliteDataReader> row, CancellationToken ct)
    {
        if (values.Count == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Add(parameter, Json(values));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}
