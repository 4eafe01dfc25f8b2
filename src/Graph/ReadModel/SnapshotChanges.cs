namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// What a snapshot made by applying a write's changes differs in from the snapshot it was made from, as the single-key
/// reads see it (<see cref="IImmediateGraphReader"/>): the nodes and links whose value or place changed, appeared or
/// went, and the nodes whose list of links changed. An element written again as it was is not in it. An answer that
/// read none of these, and no listing, is the same at <see cref="Version"/> as at <see cref="Since"/>.
/// </summary>
public sealed class SnapshotChanges
{
    internal SnapshotChanges(long since, long version, HashSet<string> nodes, HashSet<string> links, HashSet<string> ends)
    {
        Since = since;
        Version = version;
        Nodes = nodes;
        Links = links;
        Ends = ends;
    }

    /// <summary>The version of the snapshot the changes were applied to.</summary>
    public long Since { get; }

    /// <summary>The version of the snapshot they made.</summary>
    public long Version { get; }

    /// <summary>Ids of the nodes written with another value or another place in listings, added, or removed.</summary>
    public IReadOnlySet<string> Nodes { get; }

    /// <summary>Ids of the links written with another value, ends or place, added, or removed.</summary>
    public IReadOnlySet<string> Links { get; }

    /// <summary>Ids of the nodes one of those links is or was an end of, and of removed nodes: their links changed.</summary>
    public IReadOnlySet<string> Ends { get; }

    /// <summary>Whether the write left every element as it was (every answer still holds, listings too).</summary>
    public bool IsEmpty => Nodes.Count == 0 && Links.Count == 0 && Ends.Count == 0;
}
