using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;

namespace CoopGraph.Domain.Surveys;

/// <summary>How a survey's declarations become COOPERATES_WITH links: one link per pair declared by at least one end.</summary>
public static class SurveyLinks
{
    /// <summary>
    /// The link the declarations of one pair make: private to the survey's authority, its origin the survey. The
    /// strongest declaration gives the kind and intensity (ties: the declaring service first in ordinal order), the
    /// earliest declared year gives <c>since</c>.
    /// </summary>
    public static Link Make(Survey survey, ActorPair pair, IReadOnlyCollection<Declaration> declarations)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(declarations);
        if (declarations.Count == 0)
        {
            throw new ArgumentException("A survey link needs at least one declaration.", nameof(declarations));
        }
        var strongest = declarations.OrderByDescending(d => d.Intensity).ThenBy(d => d.ServiceId, StringComparer.Ordinal).First();
        return new Link
        {
            Id = LinkIds.Derive(LinkType.CooperatesWith, pair.First, pair.Second),
            Type = LinkType.CooperatesWith,
            SourceId = pair.First,
            TargetId = pair.Second,
            CooperationKind = strongest.Kind,
            Intensity = strongest.Intensity,
            Since = declarations.Min(d => d.Since),
            Source = survey.Id,
            PrivateTo = survey.AuthorityId,
        };
    }

    /// <summary>The declarations of a survey by pair.</summary>
    public static Dictionary<ActorPair, List<Declaration>> ByPair(IEnumerable<Declaration> declarations) =>
        declarations.GroupBy(ActorPair.Of).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>Whether both ends of a pair declared it: only two services of the authority, both invited, can.</summary>
    public static bool IsConfirmed(ActorPair pair, IEnumerable<Declaration> declarationsOfPair)
    {
        var declarers = declarationsOfPair.Select(d => d.ServiceId).ToHashSet(StringComparer.Ordinal);
        return declarers.Contains(pair.First) && declarers.Contains(pair.Second);
    }
}

/// <summary>What one service's submission changes in its survey's links.</summary>
/// <param name="Written">The links of the pairs the service declared before or declares now that someone still declares.</param>
/// <param name="Released">The pairs the service declared before that no one in the survey declares any more.</param>
public sealed record SubmissionPlan(IReadOnlyList<Link> Written, IReadOnlyList<ActorPair> Released);

public static class SurveySubmission
{
    /// <param name="before">Every declaration of the survey before the submission.</param>
    /// <param name="answers">The service's new answers, which replace its previous ones.</param>
    public static SubmissionPlan Plan(Survey survey, string serviceId, IReadOnlyList<Declaration> before, IReadOnlyList<Declaration> answers)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(answers);
        var after = before.Where(d => d.ServiceId != serviceId).Concat(answers).ToList();
        var byPair = SurveyLinks.ByPair(after);
        var touched = before.Where(d => d.ServiceId == serviceId).Concat(answers).Select(ActorPair.Of).Distinct()
            .OrderBy(p => p.First, StringComparer.Ordinal).ThenBy(p => p.Second, StringComparer.Ordinal).ToList();
        var written = new List<Link>();
        var released = new List<ActorPair>();
        foreach (var pair in touched)
        {
            if (byPair.TryGetValue(pair, out var declarations))
            {
                written.Add(SurveyLinks.Make(survey, pair, declarations));
            }
            else
            {
                released.Add(pair);
            }
        }
        return new SubmissionPlan(written, released);
    }
}
