using CoopGraph.Domain.Generation;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Api.Commands;

/// <summary>
/// Verbs run instead of the server:
/// <c>generate --scale demo|region|large|national --out FILE [--seed N]</c>;
/// <c>keys create --name N --scopes read,write,admin [--trusted-only]</c>, <c>keys list</c>, <c>keys revoke --name N</c>;
/// <c>survey create|reissue|list|close …</c> (see <see cref="SurveyCommand"/>); <c>import FILE...</c>; <c>export --out PATH [--format ndjson|neo4j-admin]</c>; <c>backup --out FILE</c>, <c>restore FILE [--force]</c>; <c>opendata import [--source NAME] FILE|FOLDER...</c>, <c>opendata sources</c>, <c>opendata fetch --source NAME --out DIR</c>, <c>opendata addresses</c>.
/// Anything else starts the server.
/// </summary>
public static class CommandLine
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args.FirstOrDefault())
        {
            case "generate":
                exitCode = Generate(args[1..]);
                return true;
            case "backup":
                exitCode = BackupCommand.BackupAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).GetAwaiter().GetResult();
                return true;
            case "restore":
                exitCode = BackupCommand.RestoreAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).GetAwaiter().GetResult();
                return true;
            case "export":
                exitCode = ExportCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).GetAwaiter().GetResult();
                return true;
            case "import":
                exitCode = ImportCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).GetAwaiter().GetResult();
                return true;
            case "opendata":
                exitCode = OpenDataCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).GetAwaiter().GetResult();
                return true;
            case "survey":
                exitCode = SurveyCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).GetAwaiter().GetResult();
                return true;
            case "keys":
                exitCode = KeysCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None).GetAwaiter().GetResult();
                return true;
            default:
                return false;
        }
    }

    private static int Generate(string[] args)
    {
        var options = Options(args);
        if (!options.TryGetValue("--out", out var output) || !options.TryGetValue("--scale", out var scaleName))
        {
            Console.Error.WriteLine("usage: generate --scale demo|region|large|national --out FILE [--seed N]");
            return 2;
        }
        GeneratorScale scale;
        try
        {
            scale = GeneratorScale.Parse(scaleName);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var seed = options.TryGetValue("--seed", out var seedText) && ulong.TryParse(seedText, out var parsed) ? parsed : 2026UL;
        var started = System.Diagnostics.Stopwatch.StartNew();
        using (var file = new BufferedStream(File.Create(output), 1 << 20))
        using (var writer = new NdjsonGraphWriter(file))
        {
            new GraphGenerator(scale, seed).Generate(writer);
            Console.WriteLine($"{scale.Name} graph, seed {seed}: {writer.Nodes} nodes, {writer.Links} links written to {output} in {started.Elapsed.TotalSeconds:0.0} s");
        }
        return 0;
    }

    internal static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }
        return options;
    }
}
