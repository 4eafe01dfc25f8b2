using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>Online backups of the store's file, and restoring one.</summary>
public sealed partial class EmbeddedGraphStore
{
    /// <summary>
    /// Copies the store, while it runs, into a new file: SQLite's backup API copies every page in one step, inside one
    /// read transaction of the store's file, so the copy is the store at one committed version (never half a batch),
    /// and writers go on meanwhile (the file is in WAL mode). The copy is written beside its destination and renamed
    /// into place once whole. Returns the copy's version.
    /// </summary>
    public async Task<long> BackupAsync(string destination, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
        {
            throw new IOException($"{target} exists: a backup never overwrites a file.");
        }
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            await using (var source = await _connections.OpenAsync(cancellationToken))
            await using (var copy = Unpooled(partial, SqliteOpenMode.ReadWriteCreate))
            {
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
            }
            var version = await ReadVersionAsync(partial, cancellationToken);
            File.Move(partial, target);
            return version;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>The version of the CoopGraph store in <paramref name="path"/>, opened read-only; an error if it is none.</summary>
    public static async Task<long> ReadVersionAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }
        try
        {
            await using var connection = Unpooled(path, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = EmbeddedWriteTransaction.VersionSql;
            return await command.ExecuteScalarAsync(cancellationToken) is long version
                ? version
                : throw new InvalidDataException($"{path} is a CoopGraph store without a version.");
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"{path} is not a CoopGraph store ({e.Message}).", e);
        }
    }

    /// <summary>
    /// Replaces the store at <paramref name="target"/> by the backup at <paramref name="backup"/>, page by page through
    /// the backup API (so the target's write-ahead log is handled by SQLite). Nothing may run on the target meanwhile.
    /// </summary>
    public static async Task RestoreAsync(string backup, string target, CancellationToken cancellationToken)
    {
        await ReadVersionAsync(backup, cancellationToken);
        SqliteConnection.ClearAllPools();
        await using var source = Unpooled(backup, SqliteOpenMode.ReadOnly);
        await using var destination = Unpooled(target, SqliteOpenMode.ReadWriteCreate);
        await source.OpenAsync(cancellationToken);
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
    }

    private static SqliteConnection Unpooled(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
}
