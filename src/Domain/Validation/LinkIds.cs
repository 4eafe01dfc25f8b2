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
    public static string Derive(LinkType type, string sourceId, string targetId)
    {
        var (source, target) = LinkRules.CanonicalEnds(type, sourceId, targetId);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{type}\n{source}\n{target}"));
        return $"link:{LinkTypeNames.ToConstant(type).ToLowerInvariant()}:{Convert.ToHexStringLower(bytes, 0, 12)}";
    }
}
