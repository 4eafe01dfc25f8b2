namespace CoopGraph.Graph.OpenData;

/// <summary>A file that cannot be read as the format its source expects: missing columns, or a source that does not exist.</summary>
public sealed class OpenDataFormatException(string message) : Exception(message);
