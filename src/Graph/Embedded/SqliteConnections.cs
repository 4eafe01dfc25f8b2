using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>Opens connections to one database file with the settings every connection needs.</summary>
public sealed class SqliteConnections
{
    private readonly string _connectionString;

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
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL lets readers go on while a batch is written; NORMAL sync is durable enough under WAL
        // (a power cut may lose the last commit, never corrupt the file).
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
