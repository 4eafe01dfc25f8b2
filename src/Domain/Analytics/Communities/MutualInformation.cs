namespace CoopGraph.Domain.Analytics.Communities;

/// <summary>
/// Normalised mutual information between two labellings of the same items: 2 I(A;B) / (H(A) + H(B)),
/// the arithmetic normalisation (scikit-learn's default). 1 when both labellings are a single label.
/// </summary>
public static class MutualInformation
{
    public static double Normalised(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var n = a.Count;
        if (n == 0)
        {
            return 0;
        }
        var countA = a.GroupBy(x => x).ToDictionary(g => g.Key, g => (double)g.Count());
        var countB = b.GroupBy(x => x).ToDictionary(g => g.Key, g => (double)g.Count());
        var joint = Enumerable.Range(0, n).GroupBy(i => (a[i], b[i])).ToDictionary(g => g.Key, g => (double)g.Count());
        double Entropy(Dictionary<int, double> counts) => -counts.Values.Sum(c => c / n * Math.Log(c / n));
        var hA = Entropy(countA);
        var hB = Entropy(countB);
        if (hA + hB == 0)
        {
            return 1;
        }
        var information = joint.Sum(p => p.Value / n * Math.Log(p.Value * n / (countA[p.Key.Item1] * countB[p.Key.Item2])));
        return Math.Clamp(2 * information / (hA + hB), 0, 1);
    }
}
