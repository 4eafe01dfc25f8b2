namespace CoopGraph.Graph.OpenData.Fetch;

/// <summary>The file a fetch downloads, once its address is resolved, with what the publisher says of it.</summary>
/// <param name="FileName">The name to save it under, when the address gives one (an export endpoint's URL does not).</param>
internal sealed record FetchTarget(Uri Url, string? FileName, string? Vintage, string? VintageFrom, (string Type, string Value)? Checksum);
