using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// What a snapshot keeps of a node written again in its place: the instance it holds when the write changed nothing
/// (<see cref="Unchanged(Node, Node)"/>), else the written node with the held instances of the texts it left alone
/// (<see cref="Keep(Node, Node)"/>). A re-import writes most rows as they were; without this every one of them would
/// become a new object for good, and the collector would carry each through its generations while readers wait on its
/// pauses. Links hold no objects (<see cref="LinkRow"/>): one written unchanged is left out of the write's changes, and
/// keeps its row where it is.
/// </summary>
internal static class HeldElements
{
    /// <summary>A node written with changes, holding the held instances of the texts and tags the write left alone.</summary>
    public static Node Keep(Node held, Node written) =>
        written with
        {
            Id = held.Id,
            Name = Same(held.Name, written.Name),
            Description = SameOrNull(held.Description, written.Description),
            Tags = held.Tags.SequenceEqual(written.Tags, StringComparer.Ordinal) ? held.Tags : written.Tags,
            Source = SameOrNull(held.Source, written.Source),
            PrivateTo = SameOrNull(held.PrivateTo, written.PrivateTo),
        };

    /// <summary>
    /// Whether an element written again is unchanged, and the snapshot keeps the instance it holds. A node written
    /// again always is changed in practice: every write sets its updatedAt.
    /// </summary>
    public static bool Unchanged(Node held, Node written) => held == written;

    public static bool Unchanged(Link held, Link written) => held == written;

    private static string Same(string held, string written) => string.Equals(held, written, StringComparison.Ordinal) ? held : written;

    private static string? SameOrNull(string? held, string? written) => string.Equals(held, written, StringComparison.Ordinal) ? held : written;
}
