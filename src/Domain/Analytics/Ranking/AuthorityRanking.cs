using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Ranking;

/// <param name="Authority">Node index of the authority.</param>
/// <param name="Services">Its services (PART_OF, kind SERVICE).</param>
/// <param name="ServiceLinks">Cooperation links with at least one end among its services, each counted once.</param>
public sealed record AuthorityRank(int Authority, int Services, int ServiceLinks);

/// <summary>
/// Which authorities have the most cooperating services: the explorer opens on the first one so that a visitor sees a
/// network before choosing anything, and analysts get a starting list of authorities worth a transversality report.
/// </summary>
public static class AuthorityRanking
{
    public static IReadOnlyList<AuthorityRank> MostCooperative(GraphProjection projection, int first)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var partOf = projection.Out[(int)LinkType.PartOf];
        var cooperation = projection.Cooperation;
        var services = new Dictionary<int, int>();
        var links = new Dictionary<int, int>();
        for (var node = 0; node < projection.NodeCount; node++)
        {
            if (projection.Kinds[node] != NodeKind.Service || !projection.Sees(node) || AuthorityOf(projection, partOf, node) is not { } authority)
            {
                continue;
            }
            services[authority] = services.GetValueOrDefault(authority) + 1;
            var count = 0;
            var partners = cooperation.Neighbours(node);
            var partnerLinks = cooperation.LinksOf(node);
            for (var i = 0; i < partners.Length; i++)
            {
                var partner = partners[i];
                if (!projection.IsValid(partnerLinks[i], null))
                {
                    continue;
                }
                // A link between two services of the same authority is met from both ends: count it from the lower index only.
                var sameAuthority = projection.Kinds[partner] == NodeKind.Service && AuthorityOf(projection, partOf, partner) == authority;
                if (!sameAuthority || partner > node)
                {
                    count++;
                }
            }
            links[authority] = links.GetValueOrDefault(authority) + count;
        }
        return services.Keys
            .Select(a => new AuthorityRank(a, services[a], links.GetValueOrDefault(a)))
            .OrderByDescending(r => r.ServiceLinks)
            .ThenByDescending(r => r.Services)
            .ThenBy(r => projection.Ids[r.Authority], StringComparer.Ordinal)
            .Take(first)
            .ToList();
    }

    private static int? AuthorityOf(GraphProjection projection, Csr partOf, int service)
    {
        foreach (var parent in partOf.Neighbours(service))
        {
            if (projection.Kinds[parent] == NodeKind.Authority && projection.Sees(parent))
            {
                return parent;
            }
        }
        return null;
    }
}
