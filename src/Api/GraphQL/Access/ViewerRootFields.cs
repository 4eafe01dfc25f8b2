using CoopGraph.Api.Authentication;
using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Graph.Access;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Access;

/// <summary>Who is asking, so that a page or a partner tool can say whose private data its answers include.</summary>
public sealed class ViewerType : ObjectGraphType<System.Security.Claims.ClaimsPrincipal>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "The caller, as the API sees it: every answer is computed on the graph this viewer can see.";
        Field<StringGraphType>("keyName").Description("The name of the caller's key; null for an anonymous reader.")
            .Resolve(c => c.Source.IsKeyHolder() ? c.Source.Identity!.Name : null);
        Field<AuthorityType>("authority").Description("The authority whose private data the key sees and writes; null for a key bound to none.")
            .Resolve(c => c.Source.FindFirst(ApiKeyClaims.Authority)?.Value is { } id ? c.Loaders().Node(id) : null);
        Field<NonNullGraphType<BooleanGraphType>>("seesEverything").Description("True for an administrator's key: private data of every authority is included.")
            .Resolve(c => c.Source.AsViewer().SeesAll);
        Field<NonNullGraphType<BooleanGraphType>>("canWrite").Description("Whether the key may run mutations.")
            .Resolve(c => c.Source.HasScope(ApiScopes.Write));
    }
}

public static class ViewerRootFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ViewerType>>("viewer")
            .Description("Who is asking: anonymous readers and keys bound to no authority see public data only; a key bound to an authority also sees its private data; an administrator's key sees everything.")
            .Resolve(c => c.User ?? new System.Security.Claims.ClaimsPrincipal());
}
