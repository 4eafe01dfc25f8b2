using CoopGraph.Api.GraphQL.Common;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>
/// The direct executer keeps which object type a value of an interface or union is, per class, only where every
/// possible type tests the class alone: a type that sets <c>IsTypeOf</c> another way would make every value of its
/// interfaces be asked of each possible type again.
/// </summary>
public sealed class TypeOfByClassTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    [Fact]
    public void EveryPossibleTypeOfAnAbstractType_TestsTheClassAlone()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var abstractTypes = schema.AllTypes.OfType<IAbstractGraphType>().ToList();
        Assert.Contains(abstractTypes, t => t.Name == "Node");
        var others = abstractTypes
            .SelectMany(t => t.PossibleTypes.Where(p => !p.IsTypedByClass()).Select(p => $"{t.Name}: {p.Name}"))
            .ToList();
        Assert.Empty(others);
    }
}
