namespace CoopGraph.Graph.OpenData.Fetch;

/// <summary>A fetch that cannot bring the file: no stable address, an answer other than the file, a checksum that differs.</summary>
public sealed class OpenDataFetchException(string message) : Exception(message);
