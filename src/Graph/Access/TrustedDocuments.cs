using System.Security.Cryptography;
using System.Text;

namespace CoopGraph.Graph.Access;

/// <summary>Registered GraphQL documents, for partners whose keys may only run those.</summary>
public interface ITrustedDocumentStore
{
    /// <summary>Registers documents (idempotently) and returns their ids, in order.</summary>
    Task<IReadOnlyList<string>> RegisterAsync(IReadOnlyList<string> documents, CancellationToken cancellationToken);

    /// <summary>The text of a registered document, or null.</summary>
    Task<string?> FindAsync(string documentId, CancellationToken cancellationToken);
}

public static class TrustedDocumentIds
{
    public const string Prefix = "sha256:";

    /// <summary>"sha256:" and the lowercase hex SHA-256 of the UTF-8 text, as the persisted-documents convention writes it.</summary>
    public static string Of(string document) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public static bool IsWellFormed(string id) =>
        id.Length == Prefix.Length + 64 && id.StartsWith(Prefix, StringComparison.Ordinal) && id[Prefix.Length..].All(Uri.IsHexDigit);
}
