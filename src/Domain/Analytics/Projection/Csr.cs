namespace CoopGraph.Domain.Analytics.Projection;

/// <summary>
/// Compressed sparse rows: the neighbours of node <c>i</c> are <c>Targets[Offsets[i]..Offsets[i + 1]]</c>,
/// reached through the links <c>Links[...]</c> at the same positions. Neighbours keep link order.
/// </summary>
public sealed class Csr
{
    public Csr(int[] offsets, int[] targets, int[] links)
    {
        Offsets = offsets;
        Targets = targets;
        Links = links;
    }

    public int[] Offsets { get; }

    public int[] Targets { get; }

    public int[] Links { get; }

    public int NodeCount => Offsets.Length - 1;

    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    public ReadOnlySpan<int> Neighbours(int node) => Targets.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);

    public ReadOnlySpan<int> LinksOf(int node) => Links.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);

    /// <summary>Counting sort of (from, to, link) triples: O(nodes + entries), stable, no per-node lists.</summary>
    public static Csr Build(int nodeCount, ReadOnlySpan<int> from, ReadOnlySpan<int> to, ReadOnlySpan<int> links)
    {
        var offsets = new int[nodeCount + 1];
        foreach (var f in from)
        {
            offsets[f + 1]++;
        }
        for (var i = 0; i < nodeCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }
        var targets = new int[from.Length];
        var linkIds = new int[from.Length];
        var next = offsets[..^1];
        for (var i = 0; i < from.Length; i++)
        {
            var position = next[from[i]]++;
            targets[position] = to[i];
            linkIds[position] = links[i];
        }
        return new Csr(offsets, targets, linkIds);
    }
}
