
namespace CoopGraph.Graph;

/// <param name="After">A cursor from an earlier page of the same listing.</param>
public sealed record PageRequest(int First, string? After = null);

public sealed record PageItem<T>(T Item, string Cursor);

public sealed record Page<T>(IReadOnlyList<PageItem<T>> Items, long TotalCount, bool HasNextPage)
{
    public static Page<T> Empty { get; } = new([], 0, false);
}
