using System.Diagnostics;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Api.Tests;

/// <summary>
/// The schema check CI runs (schema/check.mjs, graphql-inspector): the served schema keeps every promise of
/// schema/released.graphql, and a breaking change fails the check until CHANGELOG.md names it under "Unreleased".
/// </summary>
public sealed class SchemaCompatibilityTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coopgraph-schema-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Root() => SharedData.Checkout();

    private static async Task<(int Exit, string Output)> CheckAsync(string released, string served, string changelog)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Root(), "schema", "check.mjs"), released, served, changelog])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output + await errors);
    }

    private async Task<string> ServedAsync()
    {
        var path = Path.Combine(_folder, "served.graphql");
        await File.WriteAllTextAsync(path, await factory.CreateClient().GetStringAsync("/graphql/schema.graphql"));
        return path;
    }

    [SchemaCheckFact]
    public async Task TheServedSchema_KeepsTheReleasedOne()
    {
        var (exit, output) = await CheckAsync(Path.Combine(Root(), "schema", "released.graphql"), await ServedAsync(), Path.Combine(Root(), "CHANGELOG.md"));

        Assert.True(exit == 0, output);
        Assert.Contains("schema check:", output, StringComparison.Ordinal);
    }

    [SchemaCheckFact]
    public async Task ARemovedField_FailsTheCheck_UntilTheChangelogNamesIt()
    {
        var served = await ServedAsync();
        var broken = Path.Combine(_folder, "broken.graphql");
        var sdl = await File.ReadAllTextAsync(served);
        Assert.Contains("\n  search(", sdl, StringComparison.Ordinal);
        await File.WriteAllTextAsync(broken, sdl.Replace("\n  search(", "\n  find(", StringComparison.Ordinal));
        var silent = Path.Combine(_folder, "silent.md");
        var naming = Path.Combine(_folder, "naming.md");
        await File.WriteAllTextAsync(silent, "# Changelog\n\n## Unreleased\n\nNothing breaking.\n\n## 1.0.0\n\n- `Query.search` was there.\n");
        await File.WriteAllTextAsync(naming, "# Changelog\n\n## Unreleased\n\n- `Query.search` is now `Query.find`.\n\n## 1.0.0\n");

        var (failed, failure) = await CheckAsync(served, broken, silent);
        var (passed, _) = await CheckAsync(served, broken, naming);

        Assert.Equal(1, failed);
        Assert.Contains("BREAKING, not in CHANGELOG.md: Field 'search' was removed from object type 'Query' (Query.search)", failure, StringComparison.Ordinal);
        Assert.Equal(0, passed);
    }
}

/// <summary>Needs schema/node_modules (installed by .ci/run, or `npm ci` in schema/): skipped without it, except under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SchemaCheckFactAttribute : FactAttribute
{
    public SchemaCheckFactAttribute()
    {
        var installed = Directory.Exists(Path.Combine(SharedData.Checkout(), "schema", "node_modules", "@graphql-inspector"));
        if (!installed && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "schema/node_modules is absent: run `npm ci` in schema/ (.ci/run does) to check the schema against the released one.";
        }
    }
}
