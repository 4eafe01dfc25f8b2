using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Analytics.Centrality;
using CoopGraph.Domain.Analytics.Projection;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

/// <summary>A broker and the way its score was computed.</summary>
public sealed record BrokerView(GraphProjection Projection, BrokerScore Score, BrokerReport Report);

public sealed class BrokerScoreType : ObjectGraphType<BrokerView>
{
    public BrokerScoreType()
    {
        Name = "BrokerScore";
        Description = "An actor that holds the scope's cooperation together.";
        Field<NonNullGraphType<ActorInterface>>("actor").Description("The broker.").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Score.Actor]));
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
