using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Writes;

/// <summary>
/// What one store does inside the transaction of one write, in the store's own language (SQL, Cypher). The order of
/// the calls, and every decision between them, belong to <see cref="BatchWriter"/>.
/// </summary>
internal interface IWriteTransaction
{
    /// <summary>Reads what the planner needs to check a batch, as the transaction sees the store.</summary>
    Task<StoreFacts> ReadFactsAsync(FactsRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes, upserts nodes, replaces relations and upserts links, in the plan's order.</summary>
    Task ApplyAsync(WritePlan plan, CancellationToken cancellationToken);

    /// <summary>Among <paramref name="territoryIds"/> (just written), those that are now their own ancestor.</summary>
    Task<IReadOnlySet<string>> FindTerritoryCyclesAsync(IReadOnlyList<string> territoryIds, CancellationToken cancellationToken);

    /// <summary>Bumps the store's version and commits; returns the new version.</summary>
    Task<long> CommitAsync(CancellationToken cancellationToken);

    /// <summary>Ends the transaction without writing the batch; returns the store's version, unchanged.</summary>
    Task<long> RefuseAsync(CancellationToken cancellationToken);
}
