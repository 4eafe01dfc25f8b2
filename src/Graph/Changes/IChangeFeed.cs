using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Changes;

/// <summary>
/// A store's record of its committed writes, change by change, in commit order: for partners that mirror the graph
/// without exporting it again. Recorded in each write's own transaction, bulk loads included; kept for
/// <c>Graph:Changes:RetentionDays</c>.
/// </summary>
public interface IChangeFeed
{
    /// <summary>
    /// One page of the changes <paramref name="viewer"/> may see, in order, and how many such changes the query holds.
    /// Throws <see cref="ChangesExpiredException"/> when the query starts before what is kept.
    /// </summary>
    Task<Page<Change>> ReadChangesAsync(Viewer viewer, ChangeQuery query, CancellationToken cancellationToken);

    /// <summary>Forgets the changes of the versions committed before <paramref name="before"/>; returns how many went.</summary>
    Task<int> PruneChangesAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
