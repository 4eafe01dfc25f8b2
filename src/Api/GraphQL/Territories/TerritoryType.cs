using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Domain.Model;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Territories;

public sealed class TerritoryType : ObjectGraphType<Territory>
{
    public TerritoryType()
    {
        Name = "Territory";
        Description = "A place in the territorial tree (commune ⊂ département ⊂ region). Codes are unique among territories.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Territory;
        NodeFields.AddCommon(this);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<TerritoryLevelType>>("level").Resolve(c => c.Source.Level);
        Field<TerritoryType>("parent").Resolve(c => c.Source.ParentId is { } parent ? c.Loaders().Node(parent) : null);
    }
}
