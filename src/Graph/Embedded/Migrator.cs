using System.Reflection;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Applies the numbered scripts under Embedded/Migrations that the file has not seen yet, each in its own
/// transaction, recording progress in <c>PRAGMA user_version</c>.
/// </summary>
public static class Migrator
{
    private const string Prefix = "CoopGraph.Graph.Embedded.Migrations.";

    public static IReadOnlyList<(int Version, string Name)> Scripts { get; } = typeof(Migrator).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => (Version: int.Parse(n.AsSpan(Prefix.Length, 4), System.Globalization.CultureInfo.InvariantCulture), Name: n))
        .OrderBy(s => s.Version)
        .ToList();

    public static int LatestVersion => Scripts[^1].Version;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Scripts come from this assembly's own resources; the version is an integer.")]
    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var current = await GetVersionAsync(connection, cancellationToken);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException($"The database schema is version {current}, newer than this build knows ({LatestVersion}). Upgrade CoopGraph.");
        }
        foreach (var (version, name) in Scripts.Where(s => s.Version > current))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = await ReadScriptAsync(name, cancellationToken);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var stamp = connection.CreateCommand())
            {
                stamp.Transaction = transaction;
                // PRAGMA takes no parameters; the value is an integer from our own resource names.
                stamp.CommandText = "PRAGMA user_version = " + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await stamp.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            current = version;
        }
        return current;
    }

    public static async Task<int> GetVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> ReadScriptAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing migration resource {name}.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
