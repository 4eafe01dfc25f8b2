using CoopGraph.Domain.Validation;

namespace CoopGraph.Graph;

/// <summary>The outcome of a write: the ids written (nodes, then links) or the errors that stopped it.</summary>
public sealed record WriteResult(IReadOnlyList<string> Ids, IReadOnlyList<UserError> Errors, long Version)
{
    public bool Succeeded => Errors.Count == 0;
}
