using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>
/// Every type, field, argument, enum value and input field of the schema has a description, so that a partner's
/// generated client and GraphiQL's docs explain all of it (what graphql-schema-linter's *-have-descriptions rules ask).
/// </summary>
public sealed class SchemaDescriptionTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private static readonly HashSet<string> BuiltIn = ["String", "Int", "Float", "Boolean", "ID"];

    [Fact]
    public void EveryPartOfTheSchema_HasADescription()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var missing = new List<string>();
        void Check(string? description, string what)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                missing.Add(what);
            }
        }
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !BuiltIn.Contains(t.Name)))
        {
            Check(type.Description, type.Name);
            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    Check(field.Description, $"{type.Name}.{field.Name}");
                    foreach (var argument in field.Arguments ?? [])
                    {
                        Check(argument.Description, $"{type.Name}.{field.Name}({argument.Name})");
                    }
                }
            }
            if (type is EnumerationGraphType enumeration)
            {
                foreach (var value in enumeration.Values)
                {
                    Check(value.Description, $"{type.Name}.{value.Name}");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} without a description: {string.Join(", ", missing)}");
    }
}
