using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Access;

namespace CoopGraph.Api.Commands;

/// <summary>
/// Creates, lists and revokes API keys in the store the configuration names (Graph__Embedded__Path and so on),
/// the same one the server reads. A key is printed once, at creation; only its hash is kept.
/// </summary>
public static class KeysCommand
{
    private const string Usage =
        "usage: keys create --name NAME --scopes read,write,admin [--authority AUTHORITY_ID] [--trusted-only] | keys list | keys revoke --name NAME";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var verb = args.FirstOrDefault();
        var flags = args.Where(a => a == "--trusted-only").ToHashSet();
        var options = CommandLine.Options(args.Skip(1).Where(a => !flags.Contains(a)).ToArray());
        using var host = await StoreHost.StartAsync(args.Skip(1).Where(a => !flags.Contains(a)).ToArray(), cancellationToken);
        var keys = host.Services.GetRequiredService<IApiKeyStore>();
        try
        {
            switch (verb)
            {
                case "create" when options.TryGetValue("--name", out var name) && options.TryGetValue("--scopes", out var scopes):
                    var authority = options.GetValueOrDefault("--authority");
                    if (authority is not null && !await IsAuthorityAsync(host.Services.GetRequiredService<IGraphStore>(), authority, cancellationToken))
                    {
                        await errors.WriteLineAsync($"No authority has id '{authority}': a key is bound to an authority of the graph.");
                        return 1;
                    }
                    var key = await keys.CreateAsync(name, ApiKeyMaterial.ParseScopes(scopes), flags.Contains("--trusted-only"), authority, cancellationToken);
                    var bound = authority is null ? "" : $", bound to {authority}";
                    await output.WriteLineAsync($"Created key '{name}' ({scopes}{bound}). It is shown only now; keep it safe:");
                    await output.WriteLineAsync(key);
                    return 0;
                case "list":
                    await output.WriteLineAsync("name\tprefix\tscopes\tauthority\ttrusted-only\tcreated\trevoked");
                    foreach (var info in await keys.ListAsync(cancellationToken))
                    {
                        await output.WriteLineAsync($"{info.Name}\t{info.Prefix}…\t{info.Scopes}\t{info.AuthorityId ?? "-"}\t{info.TrustedDocumentsOnly}\t{info.CreatedAt:u}\t{info.RevokedAt?.ToString("u") ?? "-"}");
                    }
                    return 0;
                case "revoke" when options.TryGetValue("--name", out var revoked):
                    if (await keys.RevokeAsync(revoked, cancellationToken))
                    {
                        await output.WriteLineAsync($"Revoked key '{revoked}'.");
                        return 0;
                    }
                    await errors.WriteLineAsync($"No active key is named '{revoked}'.");
                    return 1;
                default:
                    await errors.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            await errors.WriteLineAsync(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
            return 2;
        }
    }

    private static async Task<bool> IsAuthorityAsync(IGraphStore store, string id, CancellationToken cancellationToken) =>
        (await store.GetNodesAsync(Viewer.Everything, [id], cancellationToken)).Any(n => n.Kind == NodeKind.Authority);
}
