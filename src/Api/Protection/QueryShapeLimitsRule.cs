using CoopGraph.Api.Options;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.Protection;

/// <summary>Refuses documents with too many aliases or fragments (thousands of aliases multiply work at no cost to the caller).</summary>
public sealed class QueryShapeLimitsRule(IOptions<QueryLimitsOptions> options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var limits = options.Value;
        var aliases = 0;
        var fragments = 0;
        return new ValueTask<INodeVisitor?>(new NodeVisitors(
            new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
            {
                if (field.Alias is not null && ++aliases == limits.MaxAliases + 1)
                {
                    ctx.ReportError(new QueryLimitError(ctx, $"The query uses more than {limits.MaxAliases} aliases."));
                }
            }),
            new MatchingNodeVisitor<GraphQLFragmentDefinition>((_, ctx) =>
            {
                if (++fragments == limits.MaxFragments + 1)
                {
                    ctx.ReportError(new QueryLimitError(ctx, $"The query defines more than {limits.MaxFragments} fragments."));
                }
            })));
    }
}
