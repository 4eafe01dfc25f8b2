using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Records a write's upserts in the change feed (see 0009_changes.sql). A row that was there is recorded row by row,
/// before it is updated, with who could see it before. New rows are recorded together, once the write has inserted
/// them: a table gives each new row the next seq, so the rows from the first seq after the write's deletions are
/// exactly the ones it inserted.
/// </summary>
/// <remarks>
/// A statement per new row cost a bulk load a tenth of its rate: the changes table's AUTOINCREMENT reads and writes
/// its counter once per statement, and each statement is bound, stepped and reset from .NET. One
/// <c>INSERT … SELECT</c> over the new rows' seq range reads pages the write has just made and pays those once.
/// (One <c>INSERT … SELECT FROM json_each</c> a batch was slower still: SQLite parsed the batch's JSON once per column.)
/// </remarks>
internal sealed class ChangeRecorder(SqliteConnection connection, SqliteTransaction transaction, long version, string at) : IDisposable
{
    private const string Columns = "INSERT INTO changes (version, at, op, id, {0}, private_to, previous_private_to, existed) ";

    private static readonly string NewNodesSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Columns, "node_kind") +
        "SELECT @version, @at, 'UPSERT', id, kind, private_to, NULL, 0 FROM nodes WHERE seq >= @first ORDER BY seq";

    private static readonly string NewLinksSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Columns, "link_type") +
        "SELECT @version, @at, 'UPSERT', id, type, private_to, NULL, 0 FROM links WHERE seq >= @first ORDER BY seq";

    // Read before the row is updated: who could see it until now.
    private static readonly string ExistingNodeSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Columns, "node_kind") +
        "SELECT @version, @at, 'UPSERT', @id, @kind, @private_to, n.private_to, n.id IS NOT NULL FROM (SELECT 1) LEFT JOIN nodes n ON n.id = @id";

    private static readonly string ExistingLinkSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Columns, "link_type") +
        "SELECT @version, @at, 'UPSERT', @id, @kind, @private_to, l.private_to, l.id IS NOT NULL FROM (SELECT 1) LEFT JOIN links l ON l.id = @id";

    private static readonly string[] Parameters = ["@id", "@kind", "@private_to"];

    // Where NodeRows and LinkRows put the id, the kind or type, and private_to.
    private static readonly int[] NodeColumns = [0, 1, 19];
    private static readonly int[] LinkColumns = [0, 1, 14];

    /// <summary>The version the write commits as: writes run one at a time and bump the version last.</summary>
    public const string NextVersionSql = "SELECT value + 1 FROM store_meta WHERE key = 'version'";

    public const string NextNodeSeqSql = "SELECT COALESCE(MAX(seq), 0) + 1 FROM nodes";

    public const string NextLinkSeqSql = "SELECT COALESCE(MAX(seq), 0) + 1 FROM links";

    private RowStatement? _existingNode;
    private RowStatement? _existingLink;

    /// <summary>Call before the row is written.</summary>
    public void ExistingNode(EncodedRows rows, int row, CancellationToken ct) =>
        Statement(ref _existingNode, ExistingNodeSql, NodeColumns).Execute(rows, row, default, ct);

    /// <summary>Call before the row is written.</summary>
    public void ExistingLink(EncodedRows rows, int row, CancellationToken ct) =>
        Statement(ref _existingLink, ExistingLinkSql, LinkColumns).Execute(rows, row, default, ct);

    /// <summary>Records every node inserted from <paramref name="firstSeq"/> on, in the order they were inserted.</summary>
    public Task NewNodesAsync(long firstSeq, CancellationToken ct) => RecordNewAsync(NewNodesSql, firstSeq, ct);

    /// <summary>Records every link inserted from <paramref name="firstSeq"/> on, in the order they were inserted.</summary>
    public Task NewLinksAsync(long firstSeq, CancellationToken ct) => RecordNewAsync(NewLinksSql, firstSeq, ct);

    private async Task RecordNewAsync(string sql, long firstSeq, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, sql);
        command.Parameters.AddWithValue("@version", version);
        command.Parameters.AddWithValue("@at", at);
        command.Parameters.AddWithValue("@first", firstSeq);
        await command.ExecuteNonQueryAsync(ct);
    }

    private RowStatement Statement(ref RowStatement? statement, string sql, int[] columns)
    {
        if (statement is null)
        {
            statement = new RowStatement(connection, sql, Parameters, columns);
            statement.BindOnce("@version", version);
            statement.BindOnce("@at", at);
        }
        return statement;
    }

    public void Dispose()
    {
        _existingNode?.Dispose();
        _existingLink?.Dispose();
    }
}
