namespace CoopGraph.Domain.Analytics;

public static class SortedLists
{
    /// <summary>The values two ascending lists share, ascending: a merge, linear in their lengths.</summary>
    public static List<int> Intersect(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        var common = new List<int>();
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                common.Add(x[i]);
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return common;
    }
}
