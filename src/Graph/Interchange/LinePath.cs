namespace CoopGraph.Graph.Interchange;

/// <summary>
/// The path of an item read from an import line, ["line", number], as one small object: every line carries one, and
/// it is read only when the line has an error.
/// </summary>
internal sealed class LinePath(long number) : IReadOnlyList<object>
{
    public int Count => 2;

    public object this[int index] => index switch
    {
        0 => "line",
        1 => number,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<object> GetEnumerator()
    {
        yield return "line";
        yield return number;
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
