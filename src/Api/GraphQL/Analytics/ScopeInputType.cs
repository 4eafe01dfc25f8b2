using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Writes;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class ScopeInputType : InputObjectGraphType
{
    public ScopeInputType()
    {
        Name = "ScopeInput";
        Description = "Which actors an analysis looks at. Empty: every actor. Several fields: their intersection. " +
            "The cooperation graph of a scope is its actors and the COOPERATES_WITH links between them that are valid at asOf (when given).";
        Field<IdGraphType>("authorityId").Description("The authority, its services, and every actor that cooperates directly with one of them (at asOf).");
        Field<StringGraphType>("territoryCode").Description("Actors located in that territory or below it.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds").Description("Actors working on one of the themes.");
        Field<ListGraphType<NonNullGraphType<PolicyDomainType>>>("domains").Description("Actors with one of the domains (a service's domain; other actors' through their themes).");
        Field<ListGraphType<NonNullGraphType<ActorKindType>>>("kinds").Description("Actors of these kinds.");
        Field<DateType>("asOf").Description("Only links valid on this day count.");
    }
}

public static class AnalyticsArguments
{
    public static FieldBuilder<TSource, TReturn> ScopeArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<ScopeInputType>("scope", a => a.Description = "Which actors to analyse; empty: the whole graph.");

    public static FieldBuilder<TSource, TReturn> FirstArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int defaultValue, int max) =>
        field.Argument<IntGraphType>("first", a =>
        {
            a.Description = $"How many to return, 0 to {max}.";
            a.DefaultValue = defaultValue;
        });

    public static int ReadFirst(this IResolveFieldContext context, int defaultValue, int max)
    {
        var first = context.GetArgument<int?>("first") ?? defaultValue;
        return first is < 0 || first > max ? throw BadInput.Error($"'first' must be between 0 and {max} (got {first}).") : first;
    }

    public static AnalysisScope ReadScope(this IResolveFieldContext context)
    {
        var input = context.InputObject("scope");
        return input is null ? AnalysisScope.Everything : new AnalysisScope
        {
            AuthorityId = input.String("authorityId"),
            TerritoryCode = input.String("territoryCode"),
            ThemeIds = input.Strings("themeIds"),
            Domains = input.Enums<PolicyDomain>("domains"),
            Kinds = input.Enums<ActorKind>("kinds"),
            AsOf = input.Value<DateOnly>("asOf"),
        };
    }
}
