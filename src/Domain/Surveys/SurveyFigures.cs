namespace CoopGraph.Domain.Surveys;

/// <param name="InternalPairs">Pairs of two invited services declared by at least one of them.</param>
/// <param name="ConfirmedPairs">Of those, the pairs declared by both.</param>
public sealed record SurveyFigures(int Invited, int Answered, int InternalPairs, int ConfirmedPairs)
{
    /// <summary>Answered over invited; 0 when no one is invited.</summary>
    public double ResponseRate => Invited == 0 ? 0 : (double)Answered / Invited;

    /// <summary>Confirmed internal pairs over internal pairs; null when no internal pair is declared.</summary>
    public double? Reciprocity => InternalPairs == 0 ? null : (double)ConfirmedPairs / InternalPairs;

    public static SurveyFigures Of(IReadOnlyCollection<SurveyInvitation> invitations, IEnumerable<Declaration> declarations)
    {
        ArgumentNullException.ThrowIfNull(invitations);
        var invited = invitations.Select(i => i.ServiceId).ToHashSet(StringComparer.Ordinal);
        var internalPairs = SurveyLinks.ByPair(declarations)
            .Where(p => invited.Contains(p.Key.First) && invited.Contains(p.Key.Second))
            .ToList();
        return new SurveyFigures(
            invitations.Count, invitations.Count(i => i.AnsweredAt is not null),
            internalPairs.Count, internalPairs.Count(p => SurveyLinks.IsConfirmed(p.Key, p.Value)));
    }
}

/// <summary>What changed between two surveys of one authority: pairs declared now and not then, and the reverse.</summary>
public sealed record SurveyChanges(IReadOnlyList<ActorPair> Appeared, IReadOnlyList<ActorPair> NoLongerDeclared)
{
    public static SurveyChanges Between(IEnumerable<Declaration> previous, IEnumerable<Declaration> current)
    {
        var then = previous.Select(ActorPair.Of).ToHashSet();
        var now = current.Select(ActorPair.Of).ToHashSet();
        return new SurveyChanges(Ordered(now.Except(then)), Ordered(then.Except(now)));
    }

    private static List<ActorPair> Ordered(IEnumerable<ActorPair> pairs) =>
        pairs.OrderBy(p => p.First, StringComparer.Ordinal).ThenBy(p => p.Second, StringComparer.Ordinal).ToList();
}
