using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Direct;
using CoopGraph.Domain.Model;
using GraphQL.Validation;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>
/// The direct executer keeps which object type a value of an interface is, per class, only where the interface leaves it
/// to its possible types and every one of them tests the class alone: an interface or type that decides another way
/// would make every value of the interface be asked of each possible type again.
/// </summary>
public sealed class TypeOfByClassTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    [Fact]
    public void EveryAbstractType_IsTypedByClass()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var abstractTypes = schema.AllTypes.OfType<IAbstractGraphType>().ToList();
        Assert.Contains(abstractTypes, t => t.Name == "Node");
        var others = abstractTypes
            .SelectMany(t => t.PossibleTypes.Where(p => !p.IsTypedByClass()).Select(p => $"{t.Name}: {p.Name}"))
            .ToList();
        Assert.Empty(others);
        Assert.All(abstractTypes, t => Assert.True(t.IsTypedByClass(), $"{t.Name} does not leave its values' types to its possible types"));
    }

    [Fact]
    public void AValuesObjectType_IsFoundOnce_ThenKeptByClass()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var document = GraphQLParser.Parser.Parse("{ node(id: \"t\") { id } }");
        var plan = new DocumentPlan(schema, document, document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
            System.Text.Encodings.Web.JavaScriptEncoder.Default);
        var run = new RunState(plan, schema, Variables.None, factory.Services, new System.Security.Claims.ClaimsPrincipal(),
            new System.Text.Json.JsonSerializerOptions(), CancellationToken.None);
        var node = schema.AllTypes["Node"]!;
        var theme = new Theme { Id = "t:1", Name = "Mobilité", Domain = PolicyDomain.Transport };

        Assert.Equal("Theme", run.ObjectTypeOf(node, theme).Name);
        Assert.Equal("Theme", plan.TypesByClass[((IAbstractGraphType)node, typeof(Theme))].Name);
        Assert.Equal("Theme", run.ObjectTypeOf(node, theme with { Id = "t:2" }).Name);
        Assert.Single(plan.TypesByClass);
        Assert.Equal("Authority", run.ObjectTypeOf(node, new Authority { Id = "a:1", Name = "Région", Level = AuthorityLevel.Region }).Name);
        Assert.Equal(2, plan.TypesByClass.Count);
        // A value of no possible type is still refused, and nothing is kept for it.
        Assert.Throws<DirectRun.Declined>(() => run.ObjectTypeOf(schema.AllTypes["Actor"]!, theme));
        Assert.Equal(2, plan.TypesByClass.Count);
    }
}
