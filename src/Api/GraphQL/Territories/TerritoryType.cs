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
        this.IsTypeOfClass();
        NodeFields.AddCommon(this);
        Field<NonNullGraphType<StringGraphType>>("code").Description("The official code (INSEE code of a commune, département or region), unique among territories.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<TerritoryLevelType>>("level").Description("Its level in the territorial tree.").Resolve(c => c.Source.Level);
        Field<TerritoryType>("parent").Description("The territory it lies in, one level up.").Resolve(c => c.Source.ParentId is { } parent ? c.Loaders().Node(parent) : null);
    }
}
