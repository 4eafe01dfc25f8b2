using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Links;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Api.GraphQL.Policies;
using CoopGraph.Domain.Analytics.Centrality;
using CoopGraph.Domain.Analytics.Communities;
using CoopGraph.Domain.Analytics.Competition;
using CoopGraph.Domain.Analytics.Paths;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class CompetitionHotspotType : ObjectGraphType<Projected<CompetitionHotspot>>
{
    public CompetitionHotspotType()
    {
        Name = "CompetitionHotspot";
        Description = "A call for projects whose applicants (APPLIED_TO, any year) rarely cooperate with each other.";
        Field<NonNullGraphType<PolicyType>>("policy").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Policy]));
        Field<NonNullGraphType<IntGraphType>>("applicants").Description("Applicants in scope.").Resolve(c => c.Source.Value.Applicants.Length);
        Field<NonNullGraphType<IntGraphType>>("applicantPairs").Resolve(c => c.Source.Value.ApplicantPairs);
        Field<NonNullGraphType<IntGraphType>>("cooperatingPairs").Description("Applicant pairs linked by COOPERATES_WITH (valid at asOf).").Resolve(c => c.Source.Value.CooperatingPairs);
        Field<NonNullGraphType<FloatGraphType>>("cooperatingPairShare").Description("cooperatingPairs / applicantPairs.").Resolve(c => c.Source.Value.CooperatingPairShare);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorInterface>>>>("applicantActors")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.Applicants.Select(a => c.Source.Projection.Ids[a]).ToList()));
    }
}

public sealed class PathGraphType : ObjectGraphType<Projected<FoundPath>>
{
    public PathGraphType()
    {
        Name = "Path";
        Description = "A shortest path: nodes from the first to the last, and the link between each two consecutive nodes.";
        Field<NonNullGraphType<IntGraphType>>("hops").Resolve(c => c.Source.Value.Hops);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.Nodes.Select(n => c.Source.Projection.Ids[n]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkGraphType>>>>("links")
            .Resolve(c => c.Loaders().Links(c.Source.Value.Links.Select(l => c.Source.Projection.LinkIds[l]).ToList()));
    }
}

/// <summary>A broker and the way its score was computed.</summary>
public sealed record BrokerView(GraphProjection Projection, BrokerScore Score, BrokerReport Report);

public sealed class BrokerScoreType : ObjectGraphType<BrokerView>
{
    public BrokerScoreType()
    {
        Name = "BrokerScore";
        Description = "An actor that holds the scope's cooperation together.";
        Field<NonNullGraphType<ActorInterface>>("actor").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Score.Actor]));
        Field<NonNullGraphType<FloatGraphType>>("betweenness")
            .Description("Betweenness centrality on the scope's undirected cooperation graph, normalised as networkx does (divided by (n-1)(n-2)/2 over unordered pairs).")
            .Resolve(c => c.Source.Score.Betweenness);
        Field<NonNullGraphType<IntGraphType>>("bridgedDomainPairs")
            .Description("Pairs of distinct domains {a, b} such that two different partners of the actor (in scope) hold a and b.")
            .Resolve(c => c.Source.Score.BridgedDomainPairs);
        Field<NonNullGraphType<BooleanGraphType>>("exact")
            .Description($"False when the scope has more than {Betweenness.DefaultExactLimit} actors: betweenness is then estimated from {Betweenness.DefaultSamples} sampled sources.")
            .Resolve(c => c.Source.Report.Exact);
        Field<FloatGraphType>("errorBound")
            .Description("For an estimate: with 95% confidence the exact betweenness is within this distance (Hoeffding bound). Null when exact.")
            .Resolve(c => c.Source.Report.ErrorBound);
    }
}

public sealed class CommunityType : ObjectGraphType<Projected<Community>>
{
    public CommunityType()
    {
        Name = "Community";
        Description = "A group of actors that cooperate more among themselves than with others (Louvain modularity).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("'community:' and the id of its first member (ordinal order): the same graph always gives the same ids.").Resolve(c => c.Source.Value.Id);
        Field<NonNullGraphType<IntGraphType>>("size").Resolve(c => c.Source.Value.Members.Length);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyDomainType>>>>("domains").Description("Domains held by its members, the most held first.").Resolve(c => c.Source.Value.Domains);
        Field<NonNullGraphType<ActorConnectionType>>("members")
            .Description("Its actors in ordinal order of their ids.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = c.ReadPage();
                var ids = c.Source.Value.Members.Select(m => c.Source.Projection.Ids[m]).ToArray();
                var start = 0;
                if (page.After is { } after)
                {
                    var position = Array.BinarySearch(ids, after, StringComparer.Ordinal);
                    start = position >= 0 ? position + 1 : throw BadInput.Error("'after' is not a member of this community.");
                }
                var slice = ids.Skip(start).Take(page.First).ToList();
                var nodes = (await c.Store().GetNodesAsync(slice, c.CancellationToken)).ToDictionary(n => n.Id, StringComparer.Ordinal);
                var items = slice.Where(nodes.ContainsKey).Select(id => new PageItem<Node>(nodes[id], id)).ToList();
                return new Page<Node>(items, ids.Length, start + page.First < ids.Length);
            });
    }
}

public sealed class CommunityReportType : ObjectGraphType<Projected<CommunityReport>>
{
    public CommunityReportType()
    {
        Name = "CommunityReport";
        Field<NonNullGraphType<FloatGraphType>>("modularity").Description("Newman modularity of these communities on the scope's cooperation graph.").Resolve(c => c.Source.Value.Modularity);
        Field<NonNullGraphType<FloatGraphType>>("siloAlignment")
            .Description("Normalised mutual information (2·I/(H₁+H₂)) between communities and primary domains (a service's domain; for other actors the domain of most of their themes; actors without one are left out). 1: communities are exactly the silos; 0: unrelated.")
            .Resolve(c => c.Source.Value.SiloAlignment);
        Field<NonNullGraphType<IntGraphType>>("actors").Resolve(c => c.Source.Value.Actors);
        Field<NonNullGraphType<IntGraphType>>("links").Resolve(c => c.Source.Value.Links);
        Field<NonNullGraphType<IntGraphType>>("communityCount").Resolve(c => c.Source.Value.Communities.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommunityType>>>>("communities")
            .Description("Largest first, then by id.")
            .FirstArgument(Paging.Paging.MaxFirst, Paging.Paging.MaxFirst)
            .Argument<IntGraphType>("minSize", a => { a.Description = "Leave out smaller communities (isolated actors form communities of one)."; a.DefaultValue = 1; })
            .Resolve(c => c.Source.Value.Communities
                .Where(x => x.Members.Length >= (c.GetArgument<int?>("minSize") ?? 1))
                .Take(c.ReadFirst(Paging.Paging.MaxFirst, Paging.Paging.MaxFirst))
                .Select(x => new Projected<Community>(c.Source.Projection, x)));
    }
}
