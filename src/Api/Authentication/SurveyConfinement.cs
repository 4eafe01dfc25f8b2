using GraphQLParser.AST;

namespace CoopGraph.Api.Authentication;

/// <summary>
/// What an invitation token may run: its form (<c>surveyForm</c>, whose <c>candidates</c> is the form's search) and its
/// answers (<c>answerSurvey</c>), nothing else — no other root field, no introspection. The form's own fields read as
/// the survey's authority; every other read of a respondent is public only, so nested fields cannot reach private data.
/// </summary>
public static class SurveyConfinement
{
    private static readonly HashSet<string> QueryFields = new(StringComparer.Ordinal) { "surveyForm", "__typename" };
    private static readonly HashSet<string> MutationFields = new(StringComparer.Ordinal) { "answerSurvey", "__typename" };

    /// <returns>Null when the operation stays within the form; else why it is refused.</returns>
    public static string? Check(GraphQLDocument document, string? operationName)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        if (operation is null)
        {
            return null; // The executer reports a missing or ambiguous operation the usual way.
        }
        var allowed = operation.Operation switch
        {
            OperationType.Query => QueryFields,
            OperationType.Mutation => MutationFields,
            _ => [],
        };
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        foreach (var field in RootFields(operation.SelectionSet, fragments, []))
        {
            if (!allowed.Contains(field))
            {
                return $"A survey invitation answers its own form only (surveyForm, answerSurvey): '{field}' is not for it.";
            }
        }
        return null;
    }

    private static IEnumerable<string> RootFields(GraphQLSelectionSet set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field.Name.StringValue;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var name in RootFields(inline.SelectionSet, fragments, visited))
                    {
                        yield return name;
                    }
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                                                        && visited.Add(fragment.FragmentName.Name.StringValue):
                    foreach (var name in RootFields(fragment.SelectionSet, fragments, visited))
                    {
                        yield return name;
                    }
                    break;
            }
        }
    }
}
