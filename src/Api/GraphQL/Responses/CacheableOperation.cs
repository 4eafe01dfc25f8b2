using GraphQLParser.AST;

namespace CoopGraph.Api.GraphQL.Responses;

/// <summary>
/// Which operations may be answered from the <see cref="ResponseCache"/>: queries whose root fields all read entities
/// of the graph (nodes, links, listings, search) or name the root type, whose answers are a function of the store
/// version and the viewer. A query of <c>__typename</c> alone (a client's probe that the API answers) is one of them.
/// Analyses are not among them (their projection may lag the store by a moment, and they keep their own cache), nor
/// anything about the caller, keys, surveys or the change feed. A field further down that reaches for anything but the
/// graph is caught while the operation runs (see <see cref="WatchedServices"/>).
/// </summary>
public static class CacheableOperation
{
    private static readonly HashSet<string> EntityReads = new(StringComparer.Ordinal)
    {
        "node", "nodes", "search", "actor", "actors", "links", "policies", "themes", "beneficiaryGroups", "territories",
    };

    public static bool Check(GraphQLOperationDefinition? operation)
    {
        if (operation is not { Operation: OperationType.Query })
        {
            return false;
        }
        foreach (var selection in operation.SelectionSet.Selections)
        {
            if (selection is not GraphQLField field)
            {
                return false;
            }
            var name = field.Name.StringValue;
            if (!EntityReads.Contains(name) && name != "__typename")
            {
                return false;
            }
        }
        return true;
    }
}
