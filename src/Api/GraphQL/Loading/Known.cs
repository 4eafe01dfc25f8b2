using GraphQL.DataLoader;

namespace CoopGraph.Api.GraphQL.Loading;

/// <summary>A loader result whose value is already there: read at once from a reader that holds the graph in memory.</summary>
public interface IKnownResult
{
    object? Value { get; }
}

/// <summary>
/// A load answered at once (<see cref="Graph.IImmediateGraphReader"/>). It is still a loader result, so every resolver
/// and every transform keeps one shape; <see cref="ImmediateExecutionStrategy"/> completes such a field on the spot
/// instead of deferring it to the end of its level as the engine does with pending loads.
/// </summary>
public sealed class Known<T>(T value) : IDataLoaderResult<T>, IKnownResult
{
    public T Value { get; } = value;

    object? IKnownResult.Value => Value;

    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(Value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(Value);
}
