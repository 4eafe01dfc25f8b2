using GraphQL.DataLoader;

namespace CoopGraph.Api.GraphQL.Loading;

public static class LoaderResultExtensions
{
    /// <summary>Transforms a pending result without giving up batching (the transform runs once the batch is in).</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> result, Func<TIn, TOut> transform) =>
        result is Known<TIn> known ? new Known<TOut>(transform(known.Value)) : new Mapped<TIn, TOut>(result, transform);

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> transform) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            transform(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
