using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Writes;

/// <summary>
/// The one write routine of every store: read the facts a batch needs, resolve relations given by territory code,
/// plan, apply, refuse a territorial cycle, commit. A store supplies the primitives (<see cref="IWriteTransaction"/>).
/// </summary>
internal static class BatchWriter
{
    /// <summary>Checks <paramref name="batch"/> against the store as the transaction sees it, then writes it or refuses it whole.</summary>
    public static async Task<(WriteResult Result, WritePlan Plan)> CheckAndWriteAsync(
        IWriteTransaction transaction, GraphBatch batch, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(transaction, batch, cancellationToken);
        if (!plan.IsValid || batch.ValidateOnly)
        {
            return (new WriteResult([], plan.Errors, await transaction.RefuseAsync(cancellationToken)), plan);
        }
        return (await WritePlannedAsync(transaction, batch, plan, cancellationToken), plan);
    }

    /// <summary>Plans <paramref name="batch"/> against the facts the transaction reads.</summary>
    public static async Task<WritePlan> PlanAsync(IWriteTransaction transaction, GraphBatch batch, CancellationToken cancellationToken)
    {
        var facts = await transaction.ReadFactsAsync(BatchPlanner.Needs(batch), cancellationToken);
        // Relations given by territory code name their target only once the code is resolved, so their existing
        // links can be looked up by ends only after the first read.
        var codeKeys = BatchPlanner.CodeRelationKeys(batch, facts);
        if (codeKeys.Count > 0)
        {
            var byKey = await transaction.ReadFactsAsync(FactsRequest.ForLinkKeys(codeKeys), cancellationToken);
            facts = facts.WithLinkIdsByKey(byKey.LinkIdsByKey, byKey.PrivateLinks);
        }
        return BatchPlanner.Plan(batch, facts);
    }

    /// <summary>Applies a valid plan, refuses the batch if it made a territory its own ancestor, else commits.</summary>
    public static async Task<WriteResult> WritePlannedAsync(
        IWriteTransaction transaction, GraphBatch batch, WritePlan plan, CancellationToken cancellationToken)
    {
        await transaction.ApplyAsync(plan, cancellationToken);
        var parented = plan.Nodes.OfType<Territory>().Where(t => t.ParentId is not null).Select(t => t.Id).ToList();
        if (parented.Count > 0)
        {
            var cycles = await transaction.FindTerritoryCyclesAsync(parented, cancellationToken);
            if (cycles.Count > 0)
            {
                return new WriteResult([], BatchPlanner.CycleErrors(batch, cycles), await transaction.RefuseAsync(cancellationToken));
            }
        }
        var version = await transaction.CommitAsync(cancellationToken);
        return new WriteResult(BatchPlanner.WrittenIds(batch, plan), [], version);
    }
}
