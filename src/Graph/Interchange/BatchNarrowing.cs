using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Interchange;

/// <summary>What an import does with a batch the store refuses: it drops the lines named, and tries the rest again.</summary>
internal static class BatchNarrowing
{
    /// <summary>How many times a batch is narrowed down before it is refused whole rather than guessed at.</summary>
    public const int MaxAttempts = 8;

    public static GraphBatch ToBatch(List<ImportLine> lines, Viewer writer) => new()
    {
        Writer = writer,
        Nodes = lines.Where(l => l.Node is not null).Select(l => l.Node!).ToList(),
        Links = lines.Where(l => l.Link is not null).Select(l => l.Link!).ToList(),
        NodeDeletes = lines.Where(l => l.NodeDelete is not null).Select(l => l.NodeDelete!).ToList(),
        LinkDeletes = lines.Where(l => l.LinkDelete is not null).Select(l => l.LinkDelete!).ToList(),
    };

    /// <summary>
    /// The lines of a refused batch worth trying again, the others added to <paramref name="rejected"/> with their reasons.
    /// A line flagged only as a duplicate of another may be fine once that other (bad) line is gone: the lines with
    /// other errors go first, and the duplicates only if they are all that is left. Errors that name no line cannot be
    /// narrowed down, nor can a batch after <see cref="MaxAttempts"/>: then the whole batch is refused.
    /// </summary>
    public static List<ImportLine> Narrow(List<ImportLine> lines, IReadOnlyList<UserError> errors, int attempt, List<RejectedLine> rejected)
    {
        var byLine = errors.GroupBy(LineOf).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));
        if (byLine.ContainsKey(-1) || attempt >= MaxAttempts)
        {
            rejected.AddRange(lines.Select(l => new RejectedLine(l.Number, byLine.GetValueOrDefault(-1) ?? "Refused with its batch.")));
            return [];
        }
        var hard = errors.Where(e => e.Code != UserErrorCodes.Duplicate).Select(LineOf).ToHashSet();
        var dropped = hard.Count > 0 ? hard : byLine.Keys.ToHashSet();
        rejected.AddRange(dropped.Select(number => new RejectedLine(number, byLine[number])));
        return lines.Where(l => !dropped.Contains(l.Number)).ToList();
    }

    private static long LineOf(UserError error) =>
        error.Path is ["line", long number, ..] ? number : -1;
}
