namespace CoopGraph.Domain.Analytics;

public static class SortedLists
{
    /// <summary>The values, ascending, each once.</summary>
    public static int[] Distinct(ReadOnlySpan<int> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        var kept = 0;
        for (var i = 0; i < array.Length; i++)
        {
            if (kept == 0 || array[i] != array[kept - 1])
            {
                array[kept++] = array[i];
            }
        }
        return array[..kept];
    }

    /// <summary>The values two ascending lists share, ascending: a merge, linear in their lengths.</summary>
    public static List<int> Intersect(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        var common = new List<int>();
        foreach (var value in Shared(x, y))
        {
            common.Add(value);
        }
        return common;
    }

    /// <summary>The values two ascending lists share, ascending, one by one without a list: for sums over them.</summary>
    public static SharedValues Shared(ReadOnlySpan<int> x, ReadOnlySpan<int> y) => new(x, y);

    /// <summary>A merge of two ascending lists that stops on each value both hold (a value held twice by each, once).</summary>
    public ref struct SharedValues(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        private readonly ReadOnlySpan<int> _x = x;
        private readonly ReadOnlySpan<int> _y = y;
        private int _i;
        private int _j;

        public int Current { get; private set; }

        public readonly SharedValues GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_i < _x.Length && _j < _y.Length)
            {
                if (_x[_i] == _y[_j])
                {
                    Current = _x[_i];
                    _i++;
                    _j++;
                    return true;
                }
                if (_x[_i] < _y[_j])
                {
                    _i++;
                }
                else
                {
                    _j++;
                }
            }
            return false;
        }
    }
}
