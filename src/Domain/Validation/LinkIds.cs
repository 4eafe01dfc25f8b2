using System.Security.Cryptography;
using System.Text;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Validation;

/// <summary>Derives a link id from its type and ends, so that re-importing the same link finds the same id.</summary>
public static class LinkIds
{
    /// <remarks>
    /// A hash rather than a concatenation: two 200-character node ids would make a readable id too long.
    /// The type is kept in clear so that ids stay recognisable in logs.
    /// </remarks>
    /// <param name="variant">What tells apart links of one type between the same ends (an INVOLVES link's stage).</param>
    public static string Derive(LinkType type, string sourceId, string targetId, string? variant = null)
    {
        var (source, target) = LinkRules.CanonicalEnds(type, sourceId, targetId);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(variant is null ? $"{type}\n{source}\n{target}" : $"{type}\n{source}\n{target}\n{variant}"));
        return $"link:{LinkTypeNames.ToConstant(type).ToLowerInvariant()}:{Convert.ToHexStringLower(bytes, 0, 12)}";
    }
}
