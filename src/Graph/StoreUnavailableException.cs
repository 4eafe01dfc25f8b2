namespace CoopGraph.Graph;

/// <summary>
/// The store cannot be reached or is not ready (a server down, starting, or refusing our credentials). The API answers
/// SERVICE_UNAVAILABLE and readiness fails; the message is safe to show and never holds secrets.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
