using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Changes;

public enum ChangeOp
{
    Upsert,
    Delete,
}

/// <summary>
/// One change of a committed write, as a viewer sees it: a node or link written (<see cref="ChangeOp.Upsert"/>) or gone
/// (<see cref="ChangeOp.Delete"/>, which is also what a viewer sees when an element becomes private to another
/// authority). <see cref="Seq"/> orders changes across every write, in commit order. <see cref="WasVisible"/>: the
/// viewer could see the element just before this change (false for one created, or made visible, by it).
/// </summary>
public sealed record Change(long Seq, long Version, DateTimeOffset At, ChangeOp Op, string Id, NodeKind? NodeKind, LinkType? LinkType, bool WasVisible = true);

/// <summary>
/// Which changes to read: after a position in the feed (<see cref="AfterSeq"/>, 0 for the oldest kept), of the
/// versions after <see cref="SinceVersion"/> when given, up to <see cref="UpToVersion"/> when given, at most
/// <see cref="Take"/> of them. <see cref="CountAll"/>: whether the page's total is counted (a count of every change the
/// query holds, which readers that only page on need not pay for at each page; their total is then 0).
/// </summary>
public sealed record ChangeQuery(long AfterSeq, int Take, long? SinceVersion = null, long? UpToVersion = null, bool CountAll = true);

/// <summary>Asked for changes the store no longer keeps: re-export, then ask for the changes after the export's version.</summary>
public sealed class ChangesExpiredException(long oldestVersion)
    : Exception($"The changes asked for are no longer kept: the feed holds the changes after version {oldestVersion}. Export the graph again, then ask for the changes since the export's version.")
{
    /// <summary>The feed holds every change of the versions after this one.</summary>
    public long OldestVersion { get; } = oldestVersion;
}
