using System.Diagnostics;
using System.Text.Json.Nodes;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// The front end's own unit tests (Vitest, src/Api/ClientApp/src/**/*.test.ts) run as part of dotnet test, so that the
/// README's one test command covers them; each failing Vitest test is named in the failure.
/// </summary>
public sealed class ClientAppUnitTests
{
    [Fact]
    public async Task VitestSuite_Passes()
    {
        var clientApp = Path.Combine(SharedData.Checkout(), "src", "Api", "ClientApp");
        Assert.True(Directory.Exists(Path.Combine(clientApp, "node_modules")), "ClientApp/node_modules is missing: build the API project first (it runs npm ci).");
        var report = Path.Combine(Path.GetTempPath(), $"coopgraph-vitest-{Guid.NewGuid():N}.json");
        try
        {
            var start = new ProcessStartInfo("npx", ["vitest", "run", "--reporter=json", $"--outputFile={report}"])
            {
                WorkingDirectory = clientApp,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(File.Exists(report), $"Vitest wrote no report (exit {process.ExitCode}): {await errors}{await output}");

            var results = JsonNode.Parse(await File.ReadAllTextAsync(report))!;
            var failed = results["testResults"]!.AsArray()
                .SelectMany(file => file!["assertionResults"]!.AsArray())
                .Where(test => (string?)test!["status"] != "passed")
                .Select(test => $"{test!["fullName"]}: {test["status"]}")
                .ToList();
            Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed));
            Assert.True((int)results["numPassedTests"]! >= 20, $"only {results["numPassedTests"]} Vitest tests passed");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
