using System.Globalization;
using System.Text;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Surveys;

namespace CoopGraph.Api.Commands;

/// <summary>
/// Runs cooperation surveys from the command line, for a mail merge: <c>survey create</c> writes each service's
/// personal link (shown only then; only hashes are kept), <c>survey reissue</c> replaces a lost one, <c>survey list</c>
/// and <c>survey close</c> do what their names say. Works on the store the configuration names, as administrator.
/// </summary>
public static class SurveyCommand
{
    private const string Usage =
        "usage: survey create --authority ID --title TITLE [--closes YYYY-MM-DD] [--services ID,ID…] [--out invitations.csv] [--url https://coop.example.org]\n" +
        "       survey reissue --survey ID --service ID [--url …] | survey list --authority ID | survey close --survey ID";

    private const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var verb = args.FirstOrDefault();
        var options = CommandLine.Options(args.Skip(1).ToArray());
        using var host = await StoreHost.StartAsync(args.Skip(1).ToArray(), cancellationToken);
        var surveys = host.Services.GetRequiredService<SurveyService>();
        var baseUrl = (options.GetValueOrDefault("--url") ?? host.Services.GetRequiredService<IConfiguration>()["Surveys:PublicUrl"] ?? DefaultUrl).TrimEnd('/');
        switch (verb)
        {
            case "create" when options.TryGetValue("--authority", out var authority) && options.TryGetValue("--title", out var title):
                DateOnly? closes = null;
                if (options.TryGetValue("--closes", out var closesText))
                {
                    if (!IsoDate.TryParse(closesText, out var day))
                    {
                        await errors.WriteLineAsync($"--closes takes a date, YYYY-MM-DD (got '{closesText}').");
                        return 2;
                    }
                    closes = day;
                }
                var services = options.GetValueOrDefault("--services")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var outcome = await surveys.CreateAsync(Viewer.Everything, new SurveyRequest(authority, title, closes, services), cancellationToken);
                if (outcome.Value is not { } created)
                {
                    foreach (var error in outcome.Errors)
                    {
                        await errors.WriteLineAsync($"{error.Code}: {error.Message}");
                    }
                    return 1;
                }
                var names = (await host.Services.GetRequiredService<IGraphStore>().GetNodesAsync(
                    Viewer.Everything, created.Invitations.Select(i => i.ServiceId).ToList(), cancellationToken)).ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
                var csv = new StringBuilder("service_id,service_name,link\n");
                foreach (var invitation in created.Invitations)
                {
                    csv.Append(Cell(invitation.ServiceId)).Append(',').Append(Cell(names.GetValueOrDefault(invitation.ServiceId, ""))).Append(',')
                        .Append(Cell($"{baseUrl}/survey/{invitation.Token}")).Append('\n');
                }
                await output.WriteLineAsync($"Created survey {created.Survey.Id} \"{created.Survey.Title}\" for {authority}: {created.Invitations.Count} services invited.");
                if (options.TryGetValue("--out", out var file))
                {
                    await File.WriteAllTextAsync(file, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken);
                    await output.WriteLineAsync($"Invitation links written to {file} (shown only now: keep the file safe).");
                }
                else
                {
                    await output.WriteAsync(csv.ToString());
                }
                return 0;
            case "reissue" when options.TryGetValue("--survey", out var surveyId) && options.TryGetValue("--service", out var serviceId):
                if (await surveys.ReissueAsync(Viewer.Everything, surveyId, serviceId, cancellationToken) is not { } token)
                {
                    await errors.WriteLineAsync($"No survey '{surveyId}' invites '{serviceId}'.");
                    return 1;
                }
                await output.WriteLineAsync($"New link for {serviceId} (the old one no longer works):");
                await output.WriteLineAsync($"{baseUrl}/survey/{token}");
                return 0;
            case "list" when options.TryGetValue("--authority", out var listed):
                await output.WriteLineAsync("id\ttitle\topens\tcloses\tstatus");
                foreach (var survey in await host.Services.GetRequiredService<ISurveyStore>().ListAsync(listed, cancellationToken))
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{survey.Id}\t{survey.Title}\t{IsoDate.Format(survey.OpensOn)}\t{(survey.ClosesOn is { } c ? IsoDate.Format(c) : "-")}\t{(survey.IsOpenOn(surveys.Today) ? "open" : "closed")}"));
                }
                return 0;
            case "close" when options.TryGetValue("--survey", out var closed):
                if (await surveys.CloseAsync(Viewer.Everything, closed, cancellationToken) is null)
                {
                    await errors.WriteLineAsync($"No survey has id '{closed}'.");
                    return 1;
                }
                await output.WriteLineAsync($"Closed survey {closed}: answers are refused from now on; results stay.");
                return 0;
            default:
                await errors.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>A CSV cell, quoted when needed; a spreadsheet never runs it as a formula (a leading = + - @ gets an apostrophe).</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
