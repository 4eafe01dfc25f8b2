namespace CoopGraph.Graph.OpenData;

/// <summary>How the rows of one file were joined to the rest (located by code, by arrondissement, by name…), for the report.</summary>
public sealed class MatchCounter
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Count(string outcome, long times = 1) => _counts[outcome] = _counts.GetValueOrDefault(outcome) + times;

    public IReadOnlyDictionary<string, long> Counts => _counts;
}
