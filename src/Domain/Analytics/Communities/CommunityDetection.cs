using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Communities;

/// <param name="Id">community: followed by the id of its first member (ordinal): stable as long as the community is.</param>
/// <param name="Members">Projection indexes, in ordinal order of their ids.</param>
/// <param name="Domains">Domains held by members, the most held first.</param>
public sealed record Community(string Id, int[] Members, IReadOnlyList<PolicyDomain> Domains);

/// <param name="SiloAlignment">Normalised mutual information between communities and members' primary domains (see <see cref="DomainBits.Primary"/>).</param>
public sealed record CommunityReport(double Modularity, IReadOnlyList<Community> Communities, double SiloAlignment, int Actors, int Links);

public static class CommunityDetection
{
    public static CommunityReport Compute(GraphProjection projection, int[] members, int? day)
    {
        var graph = CooperationGraph.Of(projection, members, day);
        var labels = Louvain.Detect(graph);
        var modularity = Modularity.Of(graph, labels);
        var communities = Enumerable.Range(0, graph.NodeCount)
            .GroupBy(v => labels[v])
            .Select(g => g.Select(v => graph.Nodes[v]).OrderBy(n => projection.Ids[n], StringComparer.Ordinal).ToArray())
            .Select(m => new Community("community:" + projection.Ids[m[0]], m, DomainsHeld(projection, m)))
            .OrderByDescending(c => c.Members.Length).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

        var withDomain = Enumerable.Range(0, graph.NodeCount)
            .Select(v => (Community: labels[v], Domain: DomainBits.Primary(projection, graph.Nodes[v])))
            .Where(x => x.Domain is not null)
            .ToList();
        var alignment = MutualInformation.Normalised(withDomain.Select(x => x.Community).ToList(), withDomain.Select(x => (int)x.Domain!.Value).ToList());
        return new CommunityReport(modularity, communities, alignment, graph.NodeCount, graph.EdgeCount);
    }

    private static IReadOnlyList<PolicyDomain> DomainsHeld(GraphProjection projection, int[] members) =>
        members.SelectMany(m => DomainBits.List(projection.Domains[m]))
            .GroupBy(d => d).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).ToList();
}
