using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Domain.Validation;

/// <summary>Checks each item of a batch on its own, before any store is consulted.</summary>
public static class ItemRules
{
    public static List<UserError> Validate(GraphBatch batch)
    {
        var errors = new List<UserError>();
        var seenNodes = new HashSet<string>(batch.Nodes.Count, StringComparer.Ordinal);
        foreach (var upsert in batch.Nodes)
        {
            CheckNode(upsert, errors);
            if (!seenNodes.Add(upsert.Node.Id))
            {
                errors.Add(new(UserErrorCodes.Duplicate, $"Node '{upsert.Node.Id}' appears more than once in the batch.", [.. upsert.Path, "id"]));
            }
        }
        var seenLinks = new HashSet<string>(batch.Links.Count, StringComparer.Ordinal);
        foreach (var upsert in batch.Links)
        {
            CheckLink(upsert.Link, upsert.Path, errors);
            if (!seenLinks.Add(upsert.Link.Id))
            {
                errors.Add(new(UserErrorCodes.Duplicate, $"Link '{upsert.Link.Id}' appears more than once in the batch.", [.. upsert.Path, "id"]));
            }
        }
        foreach (var delete in batch.NodeDeletes.Concat(batch.LinkDeletes))
        {
            CheckId(delete.Id, delete.Path, null, errors);
        }
        return errors;
    }

    private static void CheckNode(NodeUpsert upsert, List<UserError> errors)
    {
        var node = upsert.Node;
        var path = upsert.Path;
        CheckId(node.Id, path, "id", errors);
        CheckText(node.Name, "name", Limits.MaxNameLength, required: true, path, errors);
        CheckText(node.Description, "description", Limits.MaxDescriptionLength, required: false, path, errors);
        if (node.Tags.Count > Limits.MaxTagCount)
        {
            errors.Add(new(UserErrorCodes.InvalidValue, $"At most {Limits.MaxTagCount} tags.", [.. path, "tags"]));
        }
        for (var i = 0; i < node.Tags.Count; i++)
        {
            if (Problem(node.Tags[i], "tag", Limits.MaxTagLength, required: true) is { } problem)
            {
                errors.Add(new(problem.Code, problem.Message, [.. path, "tags", i]));
            }
        }
        switch (node)
        {
            case Service when !upsert.Relations.Any(r => r.Type == LinkType.PartOf && r.Refs.Count == 1):
                errors.Add(new(UserErrorCodes.Required, "A service must be part of exactly one authority: give authorityId.", [.. path, "authorityId"]));
                break;
            case Service { DirectionId: { } direction } service when direction == service.Id:
                errors.Add(new(UserErrorCodes.InvalidValue, "A service is not its own direction.", [.. path, "directionId"]));
                break;
            case Policy { Start: { } start, End: { } end } when end < start:
                errors.Add(new(UserErrorCodes.InvalidValue, "end must not be before start.", [.. path, "end"]));
                break;
            case Territory territory:
                CheckText(territory.Code, "code", Limits.MaxIdLength, required: true, path, errors);
                if (territory.ParentId == territory.Id)
                {
                    errors.Add(new(UserErrorCodes.InvalidValue, "A territory cannot be its own parent.", [.. path, "parentId"]));
                }
                break;
        }
        foreach (var relation in upsert.Relations)
        {
            for (var i = 0; i < relation.Refs.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(relation.Refs[i]) || relation.Refs[i].Length > Limits.MaxIdLength)
                {
                    errors.Add(new(UserErrorCodes.InvalidValue, $"'{relation.Field}' must name a node: 1 to {Limits.MaxIdLength} characters.", RelationPath(path, relation, i)));
                }
            }
            if (relation.Refs.Count > 1 && relation.Refs.Distinct(StringComparer.Ordinal).Count() != relation.Refs.Count)
            {
                errors.Add(new(UserErrorCodes.Duplicate, $"'{relation.Field}' names the same node twice.", [.. path, relation.Field]));
            }
        }
    }

    public static IReadOnlyList<object> RelationPath(IReadOnlyList<object> path, RelationSet relation, int index) =>
        relation.Refs.Count == 1 && !relation.Field.EndsWith("Ids", StringComparison.Ordinal)
            ? [.. path, relation.Field]
            : [.. path, relation.Field, index];

    private static void CheckLink(Link link, IReadOnlyList<object> path, List<UserError> errors)
    {
        CheckId(link.Id, path, "id", errors);
        CheckId(link.SourceId, path, "sourceId", errors);
        CheckId(link.TargetId, path, "targetId", errors);
        CheckText(link.Note, "note", Limits.MaxNoteLength, required: false, path, errors);
        if (link.Type == LinkType.CooperatesWith && link.SourceId == link.TargetId)
        {
            errors.Add(new(UserErrorCodes.InvalidLink, "An actor cannot cooperate with itself.", [.. path, "targetId"]));
        }
        if (link.Since is { } since && link.Until is { } until && until < since)
        {
            errors.Add(new(UserErrorCodes.InvalidValue, "until must not be before since.", [.. path, "until"]));
        }
        var cooperation = link.Type == LinkType.CooperatesWith;
        NotApplicable(link.CooperationKind is not null && !cooperation, "kind", link.Type, path, errors);
        NotApplicable(link.Intensity is not null && !cooperation, "intensity", link.Type, path, errors);
        NotApplicable(link.Instrument is not null && link.Type != LinkType.Funds, "instrument", link.Type, path, errors);
        NotApplicable(link.Amount is not null && link.Type != LinkType.Funds, "amount", link.Type, path, errors);
        NotApplicable(link.Domain is not null && link.Type != LinkType.Funds, "domain", link.Type, path, errors);
        NotApplicable(link.Year is not null && link.Type is not (LinkType.Funds or LinkType.AppliedTo), "year", link.Type, path, errors);
        NotApplicable(link.Outcome is not null && link.Type != LinkType.AppliedTo, "outcome", link.Type, path, errors);
        NotApplicable(link.Stage is not null && link.Type != LinkType.Involves, "stage", link.Type, path, errors);
        if (link.Type == LinkType.Involves && link.Stage is null)
        {
            errors.Add(new(UserErrorCodes.InvalidValue, "An INVOLVES link needs its stage (REFRAMING, DESIGN, TEST, DEPLOYMENT or EVALUATION).", [.. path, "stage"]));
        }
        if (link.Intensity is { } intensity && intensity is < Limits.MinIntensity or > Limits.MaxIntensity)
        {
            errors.Add(new(UserErrorCodes.InvalidValue, $"intensity must be between {Limits.MinIntensity} and {Limits.MaxIntensity}.", [.. path, "intensity"]));
        }
        if (link.Amount is < 0)
        {
            errors.Add(new(UserErrorCodes.InvalidValue, "amount must not be negative.", [.. path, "amount"]));
        }
    }

    private static void NotApplicable(bool condition, string field, LinkType type, IReadOnlyList<object> path, List<UserError> errors)
    {
        if (condition)
        {
            errors.Add(new(UserErrorCodes.NotApplicable, $"'{field}' does not apply to a {LinkTypeNames.ToConstant(type)} link.", [.. path, field]));
        }
    }

    // Paths are built only for an error: a batch of fifty thousand valid items would otherwise allocate one per field.
    private static void CheckId(string id, IReadOnlyList<object> path, string? field, List<UserError> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new(UserErrorCodes.InvalidValue, "An id must not be empty.", field is null ? path : [.. path, field]));
        }
        else if (id.Length > Limits.MaxIdLength)
        {
            errors.Add(new(UserErrorCodes.InvalidValue, $"An id has at most {Limits.MaxIdLength} characters (got {id.Length}).", field is null ? path : [.. path, field]));
        }
        else if (Surveys.SurveyOrigins.IsSurveyId(id))
        {
            // node(id) finds surveys by this prefix: a graph id using it would be unreachable.
            errors.Add(new(UserErrorCodes.InvalidValue, $"Ids starting with '{Surveys.SurveyOrigins.Prefix}' are surveys'.", field is null ? path : [.. path, field]));
        }
    }

    private static void CheckText(string? value, string field, int max, bool required, IReadOnlyList<object> path, List<UserError> errors)
    {
        if (Problem(value, field, max, required) is { } problem)
        {
            errors.Add(new(problem.Code, problem.Message, [.. path, field]));
        }
    }

    private static (string Code, string Message)? Problem(string? value, string field, int max, bool required) =>
        required && string.IsNullOrWhiteSpace(value) ? (UserErrorCodes.Required, $"'{field}' must not be empty.")
        : value is not null && value.Length > max ? (UserErrorCodes.InvalidValue, $"'{field}' has at most {max} characters (got {value.Length}).")
        : null;
}
