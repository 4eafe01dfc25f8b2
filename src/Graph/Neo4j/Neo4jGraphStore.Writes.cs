using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Neo4j.QueryApi;
using CoopGraph.Graph.Writes;

namespace CoopGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// One explicit transaction: lock, then the shared write routine (<see cref="BatchWriter"/>). Anything short of the
    /// commit rolls back everything. A transient Neo4j error (a deadlock, a leader change) or an expired transaction
    /// runs the whole unit again, since nothing of it was kept.
    /// </summary>
    public async Task<WriteResult> WriteAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(batch, cancellationToken);
            }
            catch (Neo4jException e) when (e.IsTransactionTooLarge)
            {
                // Atomic writes cannot be cut into smaller transactions behind the caller's back: the caller splits.
                return new WriteResult([], [new UserError(UserErrorCodes.TooLarge,
                    "The batch changes more than one Neo4j transaction may hold (dbms.memory.transaction.total.max); nothing was written. "
                    + "Split it into smaller batches; to delete a node with very many links, delete its links first, in batches.", [])],
                    await GetVersionAsync(cancellationToken));
            }
            catch (Neo4jException e) when ((e.IsTransient || e is Neo4jTransactionGoneException) && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), _time, cancellationToken);
            }
        }
    }

    private async Task<WriteResult> WriteOnceAsync(GraphBatch batch, CancellationToken ct)
    {
        var now = PropertyMaps.Param(_time.GetUtcNow());
        // The lock is taken by the statement that opens the transaction: one round trip.
        var (transaction, locked) = await _client.BeginAsync(AccessMode.Write, Lock, Params(("now", now)), ct);
        await using var _ = transaction;
        if (locked.Rows.Count == 0)
        {
            throw new StoreUnavailableException("The Neo4j store is not initialised yet.");
        }
        var write = new Neo4jWriteTransaction(transaction, (long)locked.Rows[0][0]!, (long)locked.Rows[0][1]!, now, _pageSize);
        try
        {
            var (result, _) = await BatchWriter.CheckAndWriteAsync(write, batch, ct);
            return result;
        }
        catch (Neo4jException e) when (e.IsConstraintViolation)
        {
            // What the planner cannot see coming (two territories given one code, say) is still the caller's mistake.
            return new WriteResult([], [new UserError(UserErrorCodes.Constraint, "The batch breaks a uniqueness rule of the store: " + e.Message, [])], write.Version);
        }
    }
}
