using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Writes;

/// <summary>Runs a mutation's batch: size limit, mapping errors merged with the store's, atomic write.</summary>
public static class WriteRunner
{
    public static List<IDictionary<string, object?>> ReadItems(IResolveFieldContext context, string argument)
    {
        var items = context.GetArgument<List<object?>>(argument) ?? [];
        if (items.Count > Limits.MaxBatchSize)
        {
            throw BadInput.Error($"At most {Limits.MaxBatchSize} items a batch (got {items.Count}); split the batch.");
        }
        return items.Select(i => (IDictionary<string, object?>)i!).ToList();
    }

    public static async Task<WriteResult> RunAsync(IResolveFieldContext context, GraphBatch batch, IReadOnlyList<UserError> mappingErrors)
    {
        var store = context.Store();
        batch = batch with { Writer = context.Viewer() };
        if (mappingErrors.Count == 0)
        {
            return await store.WriteAsync(batch, context.CancellationToken);
        }
        // Some items could not be read at all: check the rest too, so that the caller sees every error at once.
        var checkedRest = await store.WriteAsync(batch with { ValidateOnly = true }, context.CancellationToken);
        var errors = mappingErrors.Concat(checkedRest.Errors)
            .DistinctBy(e => (e.Code, string.Join('/', e.Path)))
            .OrderBy(e => e.Path.Count > 1 && e.Path[1] is int index ? index : int.MaxValue)
            .ToList();
        return new WriteResult([], errors, checkedRest.Version);
    }

    public static async Task<WriteResult> DeleteAsync(IResolveFieldContext context, bool links)
    {
        var ids = context.GetArgument<List<string>>("ids") ?? [];
        if (ids.Count > Limits.MaxBatchSize)
        {
            throw BadInput.Error($"At most {Limits.MaxBatchSize} ids a batch (got {ids.Count}); split the batch.");
        }
        var deletes = ids.Select((id, i) => new ItemDelete(id, ["ids", i])).ToList();
        var batch = links
            ? new GraphBatch { LinkDeletes = deletes, Writer = context.Viewer() }
            : new GraphBatch { NodeDeletes = deletes, Writer = context.Viewer() };
        return await context.Store().WriteAsync(batch, context.CancellationToken);
    }
}
