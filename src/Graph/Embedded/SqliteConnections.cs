using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>Opens connections to one database file with the settings every connection needs.</summary>
public sealed class SqliteConnections
{
    private readonly string _connectionString;
    private readonly string _readConnectionString;

    public SqliteConnections(string path)
    {
        FilePath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        // A pool of its own, without the foreign-key pragma every open of the other states: reads check no keys.
        _readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(bulk: false, cancellationToken);

    /// <summary>
    /// A connection for reads only, kept open by its user (<see cref="ReadSessions"/>): the file is already in WAL mode,
    /// which every connection then uses, and the write settings below change nothing for a read. Sorts and temporary
    /// results stay in memory, as on the other connections.
    /// </summary>
    public async Task<SqliteConnection> OpenReadAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA temp_store = MEMORY";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <param name="bulk">
    /// For the writes of a bulk load: the write-ahead log is copied back into the file every 64 MB rather than every
    /// 4 MB, so that pages every batch touches (the upper levels of each index) are copied once per many batches, and
    /// index builds sort on a second thread through temporary files, which the operating system's cache serves faster
    /// than SQLite's in-memory journal. Every open states all three, since pooled connections keep what the last user set.
    /// </param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "One of two constant pragma lists.")]
    public async Task<SqliteConnection> OpenAsync(bool bulk, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL lets readers go on while a batch is written; NORMAL sync is durable enough under WAL
        // (a power cut may lose the last commit, never corrupt the file). A new file gets 8 KB pages, which index builds
        // and imports go faster on (the size must be set before WAL is, and changes nothing in a file that has tables).
        // Checkpoints are counted in pages: 8,192 and 500 pages are 64 MB and 4 MB.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = bulk
            ? "PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = FILE; PRAGMA wal_autocheckpoint = 8192; PRAGMA threads = 2;"
            : "PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 500; PRAGMA threads = 0;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
