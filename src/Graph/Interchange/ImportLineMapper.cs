using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// Turns the fields of one import item (<c>op</c>, <c>kind</c>, and the fields of the GraphQL inputs) into an import
/// line, through the same <see cref="InputMappers"/> as the mutations. Every format ends here: NDJSON fills the fields
/// from JSON, CSV from a row's cells, open data from what a connector made of a row.
/// </summary>
internal static class ImportLineMapper
{
    private static readonly HashSet<string> ActorKinds = ["AUTHORITY", "SERVICE", "SSE_ACTOR", "UNIVERSITY", "INNOVATION_LAB", "ORGANISATION", "ESTABLISHMENT"];

    /// <param name="errors">A list the caller reuses from item to item; it is cleared here.</param>
    public static ImportLine Map(InputReader input, long number, List<UserError> errors)
    {
        var path = new LinePath(number);
        try
        {
            errors.Clear();
            var line = input.String("op") switch
            {
                "node" => input.String("kind") switch
                {
                    { } kind when ActorKinds.Contains(kind) => new ImportLine(number, Node: InputMappers.Actor(input, path, errors)),
                    "THEME" => new ImportLine(number, Node: InputMappers.Theme(input, path, errors)),
                    "POLICY" => new ImportLine(number, Node: InputMappers.Policy(input, path, errors)),
                    "TERRITORY" => new ImportLine(number, Node: InputMappers.Territory(input, path, errors)),
                    "BENEFICIARY_GROUP" => new ImportLine(number, Node: InputMappers.BeneficiaryGroup(input, path, errors)),
                    var kind => new ImportLine(number, Problem: $"Unknown kind '{kind ?? "(missing)"}'."),
                },
                "link" => new ImportLine(number, Link: InputMappers.Link(input, path, errors)),
                "delete" => input.String("what") switch
                {
                    "link" => new ImportLine(number, LinkDelete: new ItemDelete(input.String("id") ?? "", path)),
                    "node" or null => new ImportLine(number, NodeDelete: new ItemDelete(input.String("id") ?? "", path)),
                    var other => new ImportLine(number, Problem: $"'what' must be node or link, not '{other}'."),
                },
                var op => new ImportLine(number, Problem: $"'op' must be node, link or delete, not '{op ?? "(missing)"}'."),
            };
            return errors.Count > 0 ? new ImportLine(number, Problem: string.Join(" ", errors.Select(e => e.Message))) : line;
        }
        catch (FormatException e)
        {
            return new ImportLine(number, Problem: e.Message);
        }
    }
}
