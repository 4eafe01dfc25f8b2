using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace CoopGraph.Api.GraphQL.Loading;

/// <summary>
/// GraphQL.NET's parallel strategy, but a field whose resolver returned a <see cref="IKnownResult"/> is completed at
/// once: the engine would otherwise park it with the pending loads until the end of its level and then await it, which
/// for a read answered from memory costs more than the read itself.
/// </summary>
public sealed class ImmediateExecutionStrategy : ParallelExecutionStrategy
{
    protected override async Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        await base.ExecuteNodeAsync(context, node).ConfigureAwait(false);
        if (node.Result is IKnownResult known)
        {
            node.Result = known.Value;
            await CompleteNodeAsync(context, node).ConfigureAwait(false);
        }
    }
}
