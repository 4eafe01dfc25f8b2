using System.Security.Cryptography;
using System.Text;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// Ids and notes of the links relationship files write. A grant or a contract has no id of its own in most files: its
/// link's id is a hash of its own fields, so that importing the file again rewrites the same links.
/// </summary>
internal static class LinkKeys
{
    /// <summary>The prefix and the first 12 bytes of the SHA-256 of the fields, one a line.</summary>
    public static string Id(string prefix, params string?[] fields) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", fields))), 0, 12);

    /// <summary>A note cut to the model's limit, with an ellipsis where it was cut.</summary>
    public static string? Note(string? text) =>
        text is { Length: > Domain.Validation.Limits.MaxNoteLength } ? text[..(Domain.Validation.Limits.MaxNoteLength - 1)] + "…" : text;
}

/// <summary>How many times a file has met each key so far: a grant published twice alike keeps both rows apart by rank.</summary>
internal sealed class Occurrences
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Next(string key) => (_seen[key] = _seen.GetValueOrDefault(key) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
