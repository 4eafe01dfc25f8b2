using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Domain.Model;

namespace CoopGraph.Api.GraphQL.Actors;

public sealed class ActorEdgeType() : EdgeType<ActorInterface, Node>("ActorEdge");

public sealed class ActorConnectionType() : ConnectionType<ActorInterface, ActorEdgeType, Node>("ActorConnection");
