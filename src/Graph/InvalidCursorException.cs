
namespace CoopGraph.Graph;

/// <summary>A cursor that this store did not produce.</summary>
public sealed class InvalidCursorException(string message) : Exception(message);
