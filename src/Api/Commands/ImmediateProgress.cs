namespace CoopGraph.Api.Commands;

/// <summary>
/// Reports progress on the caller's thread, at once. <see cref="Progress{T}"/> posts to the thread pool instead, so a
/// late report could write to an output that the verb has already closed.
/// </summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
