using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// One line of an import: a node upsert, a link upsert or a deletion; or the reason it cannot be read; or nothing (a
/// blank line, or a header), which counts as read and is not written.
/// </summary>
public sealed record ImportLine(long Number, NodeUpsert? Node = null, LinkUpsert? Link = null, ItemDelete? NodeDelete = null, ItemDelete? LinkDelete = null, string? Problem = null)
{
    public bool IsBlank => Node is null && Link is null && NodeDelete is null && LinkDelete is null && Problem is null;
}
