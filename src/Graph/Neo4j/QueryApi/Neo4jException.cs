namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>An error Neo4j reported, with its status code (<c>Neo.ClientError.Schema.ConstraintValidationFailed</c>…).</summary>
public class Neo4jException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>Neo4j's transient errors (deadlocks, a database still starting): the whole unit of work may be run again.</summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);

    public bool IsConstraintViolation => Code == "Neo.ClientError.Schema.ConstraintValidationFailed";

    /// <summary>
    /// The transaction outgrew the memory Neo4j allows one (dbms.memory.transaction.total.max, or the pool's). It is
    /// reported as transient, but running the same unit again fails the same way.
    /// </summary>
    public bool IsTransactionTooLarge => Code is "Neo.TransientError.General.MemoryPoolOutOfMemoryError"
        or "Neo.TransientError.General.TransactionMemoryLimit" or "Neo.TransientError.General.TransactionOutOfMemoryError";
}

/// <summary>The transaction is gone on the server: it expired, failed earlier, or was already finished.</summary>
public sealed class Neo4jTransactionGoneException(string code, string message) : Neo4jException(code, message);

/// <summary>A response that does not follow the Query API's format.</summary>
public sealed class Neo4jProtocolException(string message) : Exception(message);
