using System.Security.Cryptography;
using System.Text;

namespace CoopGraph.Graph.Access;

public static class TrustedDocumentIds
{
    public const string Prefix = "sha256:";

    /// <summary>"sha256:" and the lowercase hex SHA-256 of the UTF-8 text, as the persisted-documents convention writes it.</summary>
    public static string Of(string document) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public static bool IsWellFormed(string id) =>
        id.Length == Prefix.Length + 64 && id.StartsWith(Prefix, StringComparison.Ordinal) && id[Prefix.Length..].All(Uri.IsHexDigit);
}
