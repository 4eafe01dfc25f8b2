namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Version bounds on the change feed as seq bounds (see 0010_change_versions.sql): SQLite then reads the feed by rowid,
/// from the first change that may be wanted to the last, where a bound on <c>changes.version</c> would need an index.
/// A bound is never tighter than the versions: the statements keep their condition on the version, and a version
/// without its row in <c>change_versions</c> only widens the range read.
/// </summary>
internal static class ChangeVersions
{
    /// <summary>A seq no change of a version after <c>@since</c> comes before: one past the last of the latest version recorded at or before it.</summary>
    public const string FirstSeqAfterSince =
        "(COALESCE((SELECT last_seq FROM change_versions WHERE version <= @since ORDER BY version DESC LIMIT 1), 0) + 1)";

    /// <summary>A seq no change of a version up to <c>@up_to</c> comes after: the last of the first version recorded after it, if any.</summary>
    public const string LastSeqUpTo =
        "COALESCE((SELECT last_seq FROM change_versions WHERE version > @up_to ORDER BY version LIMIT 1), 9223372036854775807)";

    /// <summary>Run by a write as it commits, with the version it commits as: the changes it recorded end at the table's last seq.</summary>
    public const string RecordSql =
        "INSERT INTO change_versions (version, last_seq) VALUES (@version, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0)) " +
        "ON CONFLICT (version) DO UPDATE SET last_seq = excluded.last_seq";
}
