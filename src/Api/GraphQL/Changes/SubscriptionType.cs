using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.Streaming;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Changes;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Changes;

public sealed class GraphChangedType : ObjectGraphType<GraphChanged>
{
    public GraphChangedType()
    {
        Name = "GraphChanged";
        Description = "What one committed version changed, among what the caller sees and asked for.";
        Field<NonNullGraphType<LongGraphType>>("version").Description("The version the write committed as.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeType>>>>("changes").Description("Its changes, in order.").Resolve(c => c.Source.Changes);
    }
}

/// <summary>Subscriptions, served as Server-Sent Events at POST /graphql/stream (GraphQL over SSE, distinct connections).</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "Live updates, over Server-Sent Events: POST the subscription to /graphql/stream with Accept: text/event-stream.";
        Field<NonNullGraphType<GraphChangedType>>("graphChanged")
            .Description("An event for each committed version that changes what the caller sees, from when the subscription starts. " +
                "types keeps the links of those types, kinds the nodes of those kinds; with neither, every change comes.")
            .Argument<ListGraphType<NonNullGraphType<LinkTypeType>>>("types", "Link types to follow.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindType>>>("kinds", "Node kinds to follow.")
            .ResolveStream(c =>
            {
                var services = c.RequestServices!;
                return new GraphChangeStream(
                    services.GetRequiredService<VersionWatcher>(), services.GetRequiredService<IChangeFeed>(), services.GetRequiredService<IGraphStore>(),
                    c.Viewer(),
                    c.GetArgument<List<LinkType>?>("types")?.ToHashSet(),
                    c.GetArgument<List<NodeKind>?>("kinds")?.ToHashSet());
            });
    }
}
