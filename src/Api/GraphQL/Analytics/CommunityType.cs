using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Domain.Analytics.Communities;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class CommunityType : ObjectGraphType<Projected<Community>>
{
    public CommunityType()
    {
        Name = "Community";
        Description = "A group of actors that cooperate more among themselves than with others (Louvain modularity).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("'community:' and the id of its first member (ordinal order): the same graph always gives the same ids.").Resolve(c => c.Source.Value.Id);
        Field<NonNullGraphType<IntGraphType>>("size").Description("Its number of actors.").Resolve(c => c.Source.Value.Members.Length);
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
                var nodes = (await (await c.ReaderAsync()).GetNodesAsync(c.Viewer(), slice, c.CancellationToken)).ToDictionary(n => n.Id, StringComparer.Ordinal);
                var items = slice.Where(nodes.ContainsKey).Select(id => new PageItem<Node>(nodes[id], id)).ToList();
                return new Page<Node>(items, ids.Length, start + page.First < ids.Length);
            });
    }
}
