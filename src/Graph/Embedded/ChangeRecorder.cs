using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Records a write's upserts in the change feed (see 0009_changes.sql), row by row beside the row's own write, with the
/// values the row already holds encoded. The write knows whether each row was new from its insert, so a new row is
/// recorded without a lookup; a row that was there is recorded before it is updated, with who could see it before.
/// </summary>
/// <remarks>
/// One <c>INSERT … SELECT FROM json_each</c> a batch cost a bulk load 9 % of its rate: the batch serialised as JSON,
/// then parsed again by SQLite once per column, and a join per row. Bound by position, a row's record costs SQLite's
/// insert alone.
/// </remarks>
internal sealed class ChangeRecorder(SqliteConnection connection, long version, string at) : IDisposable
{
    private const string Columns = "INSERT INTO changes (version, at, op, id, {0}, private_to, previous_private_to, existed) ";

    private static readonly string NewNodeSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Columns, "node_kind") +
        "VALUES (@version, @at, 'UPSERT', @id, @kind, @private_to, NULL, 0)";

    private static readonly string NewLinkSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Columns, "link_type") +
        "VALUES (@version, @at, 'UPSERT', @id, @kind, @private_to, NULL, 0)";

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

    private RowStatement? _newNode;
    private RowStatement? _existingNode;
    private RowStatement? _newLink;
    private RowStatement? _existingLink;

    public void NewNode(EncodedRows rows, int row, CancellationToken ct) =>
        Statement(ref _newNode, NewNodeSql, NodeColumns).Execute(rows, row, default, ct);

    /// <summary>Call before the row is written.</summary>
    public void ExistingNode(EncodedRows rows, int row, CancellationToken ct) =>
        Statement(ref _existingNode, ExistingNodeSql, NodeColumns).Execute(rows, row, default, ct);

    public void NewLink(EncodedRows rows, int row, CancellationToken ct) =>
        Statement(ref _newLink, NewLinkSql, LinkColumns).Execute(rows, row, default, ct);

    /// <summary>Call before the row is written.</summary>
    public void ExistingLink(EncodedRows rows, int row, CancellationToken ct) =>
        Statement(ref _existingLink, ExistingLinkSql, LinkColumns).Execute(rows, row, default, ct);

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
        _newNode?.Dispose();
        _existingNode?.Dispose();
        _newLink?.Dispose();
        _existingLink?.Dispose();
    }
}
