using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Domain.Model;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Themes;

public sealed class ThemeType : ObjectGraphType<Theme>
{
    public ThemeType()
    {
        Name = "Theme";
        Description = "An issue area (youth mobility, elderly isolation, food…) that belongs to one domain but concerns many.";
        Interface<NodeInterface>();
        this.IsTypeOfClass();
        NodeFields.AddCommon(this);
        Field<NonNullGraphType<PolicyDomainType>>("domain").Description("The domain it belongs to.").Resolve(c => c.Source.Domain);
        NodeFields.AddLinks(this);
    }
}
