using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Embedded;

namespace CoopGraph.Api.Commands;

/// <summary>
/// <c>backup --out FILE</c>: an online copy of the embedded store, at one committed version, while the server (and
/// an import) go on. <c>restore FILE [--force]</c>: puts a backup in place of the configured store, refusing to
/// replace one that holds data unless <c>--force</c>; stop the server on that store first. On Neo4j, Neo4j's own
/// <c>neo4j-admin database dump</c> and <c>load</c> do both (see the README).
/// </summary>
public static class BackupCommand
{
    private const string Neo4jAdvice =
        "The Neo4j store is backed up and restored by Neo4j itself: neo4j-admin database dump / neo4j-admin database load (see the README).";

    public static async Task<int> BackupAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!CommandLine.Options(args).TryGetValue("--out", out var target))
        {
            await errors.WriteLineAsync("usage: backup --out FILE [--Graph:Embedded:Path DB]");
            return 2;
        }
        // Not prepared (no migration, no index rebuild): the store may be in use by a server or an import.
        using var host = StoreHost.Build(args);
        if (host.Services.GetRequiredService<IGraphStore>() is not EmbeddedGraphStore store)
        {
            await errors.WriteLineAsync(Neo4jAdvice);
            return 1;
        }
        try
        {
            var version = await store.BackupAsync(target, cancellationToken);
            await output.WriteLineAsync($"Backed up {store.FilePath} at version {version} to {Path.GetFullPath(target)}.");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
    }

    public static async Task<int> RestoreAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var backup = args.FirstOrDefault();
        var force = args.Contains("--force");
        var settings = args.Skip(1).Where(a => a != "--force").ToArray();
        if (backup is null || backup.StartsWith("--", StringComparison.Ordinal))
        {
            await errors.WriteLineAsync("usage: restore FILE [--force] [--Graph:Embedded:Path DB]");
            return 2;
        }
        using var host = StoreHost.Build(settings);
        if (host.Services.GetRequiredService<IGraphStore>() is not EmbeddedGraphStore store)
        {
            await errors.WriteLineAsync(Neo4jAdvice);
            return 1;
        }
        try
        {
            var version = await EmbeddedGraphStore.ReadVersionAsync(backup, cancellationToken);
            if (File.Exists(store.FilePath))
            {
                await store.InitializeAsync(cancellationToken);
                var held = await store.CountAsync(Viewer.Everything, cancellationToken);
                if (held.Nodes + held.Links > 0 && !force)
                {
                    await errors.WriteLineAsync($"{store.FilePath} holds {held.Nodes} nodes and {held.Links} links: restore replaces them only with --force.");
                    return 1;
                }
            }
            await EmbeddedGraphStore.RestoreAsync(backup, store.FilePath, cancellationToken);
            // A backup of an older CoopGraph is brought up to this one's schema, as any store at start.
            await store.InitializeAsync(cancellationToken);
            var counts = await store.CountAsync(Viewer.Everything, cancellationToken);
            await output.WriteLineAsync($"Restored {Path.GetFullPath(backup)} (version {version}) to {store.FilePath}: {counts.Nodes} nodes, {counts.Links} links.");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
