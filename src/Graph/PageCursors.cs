using System.Globalization;

namespace CoopGraph.Graph;

/// <summary>Cursors of both stores' listings: the seq of the last item seen (the order items were first written in).</summary>
internal static class PageCursors
{
    public static string Of(long seq) => seq.ToString(CultureInfo.InvariantCulture);

    public static long Parse(string? cursor) =>
        cursor is null ? 0
        : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq
        : throw new InvalidCursorException("This cursor does not come from this listing.");

    /// <summary>A page from up to <c>first + 1</c> items read: the extra one only tells that there is a next page.</summary>
    public static Page<T> Page<T>(List<PageItem<T>> items, int first, long total)
    {
        var hasNext = items.Count > first;
        return new Page<T>(hasNext ? items[..first] : items, total, hasNext);
    }
}
