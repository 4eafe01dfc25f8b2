using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Surveys;

/// <summary>
/// Runs cooperation surveys: creates them with their invitations, takes a respondent's answers and turns them into
/// the authority's private COOPERATES_WITH links, closes them. The GraphQL API and the command line both go through it.
/// </summary>
public sealed class SurveyService(IGraphStore graph, ISurveyStore surveys, TimeProvider time)
{
    public const int MaxTitleLength = 200;
    public const int MaxAnswers = 500;

    private static readonly IReadOnlyList<object> InputPath = ["input"];

    // Answers of one survey are planned from all its declarations: two services answering at once would each plan
    // without the other's, and one could delete a link the other just declared. One answer of a survey at a time.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _answering = new(StringComparer.Ordinal);

    /// <summary>Whether a viewer sees a survey: its authority's keys and administrators only.</summary>
    public static bool CanSee(Viewer viewer, Survey survey)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(survey);
        return viewer.SeesAll || string.Equals(viewer.AuthorityId, survey.AuthorityId, StringComparison.Ordinal);
    }

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<SurveyOutcome<CreatedSurvey>> CreateAsync(Viewer creator, SurveyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creator);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<UserError>();
        if (!creator.SeesAll && !string.Equals(creator.AuthorityId, request.AuthorityId, StringComparison.Ordinal))
        {
            return SurveyOutcome<CreatedSurvey>.Refused([new(UserErrorCodes.Forbidden,
                creator.AuthorityId is null
                    ? "A survey is run by a key bound to its authority, or by an administrator."
                    : $"This key is bound to '{creator.AuthorityId}': it runs surveys of that authority only.", [.. InputPath, "authorityId"])]);
        }
        var authority = (await graph.GetNodesAsync(creator, [request.AuthorityId], cancellationToken)).FirstOrDefault();
        if (authority?.Kind != NodeKind.Authority)
        {
            return SurveyOutcome<CreatedSurvey>.Refused([new(UserErrorCodes.NotFound, $"No authority has id '{request.AuthorityId}'.", [.. InputPath, "authorityId"])]);
        }
        var title = request.Title.Trim();
        if (title.Length == 0 || title.Length > MaxTitleLength)
        {
            errors.Add(new(UserErrorCodes.InvalidValue, $"A title has 1 to {MaxTitleLength} characters.", [.. InputPath, "title"]));
        }
        var today = Today;
        if (request.ClosesOn is { } closes && closes < today)
        {
            errors.Add(new(UserErrorCodes.InvalidValue, $"The closing date {IsoDate.Format(closes)} is past.", [.. InputPath, "closesOn"]));
        }
        var services = await ServicesOfAsync(creator, request.AuthorityId, cancellationToken);
        var asked = new List<string>();
        if (request.ServiceIds is { } given)
        {
            for (var i = 0; i < given.Count; i++)
            {
                if (!services.Contains(given[i]))
                {
                    errors.Add(new(UserErrorCodes.NotFound, $"'{given[i]}' is not a service of '{request.AuthorityId}'.", [.. InputPath, "serviceIds", i]));
                }
                else if (!asked.Contains(given[i], StringComparer.Ordinal))
                {
                    asked.Add(given[i]);
                }
            }
        }
        else
        {
            asked.AddRange(services.Order(StringComparer.Ordinal));
        }
        if (errors.Count == 0 && asked.Count == 0)
        {
            errors.Add(new(UserErrorCodes.InvalidValue,
                $"'{request.AuthorityId}' has no services to ask yet: list its directions and services first (the survey page's template, the import, or upsertActors).",
                [.. InputPath, request.ServiceIds is null ? "authorityId" : "serviceIds"]));
        }
        if (errors.Count > 0)
        {
            return SurveyOutcome<CreatedSurvey>.Refused(errors);
        }
        var survey = new Survey
        {
            Id = SurveyTokens.NewSurveyId(), AuthorityId = request.AuthorityId, Title = title, OpensOn = today, ClosesOn = request.ClosesOn,
            CreatedAt = time.GetUtcNow(),
        };
        var invitations = asked.Select(s => new IssuedInvitation(s, SurveyTokens.New())).ToList();
        await surveys.CreateAsync(survey, invitations.Select(i => (i.ServiceId, SurveyTokens.Hash(i.Token))).ToList(), cancellationToken);
        return new SurveyOutcome<CreatedSurvey>(new CreatedSurvey(survey, invitations), []);
    }

    /// <summary>A new token for one invited service; the old one stops working. Null when the survey or the invitation is not there for this viewer.</summary>
    public async Task<string?> ReissueAsync(Viewer manager, string surveyId, string serviceId, CancellationToken cancellationToken)
    {
        if (await FindAsync(manager, surveyId, cancellationToken) is null)
        {
            return null;
        }
        var token = SurveyTokens.New();
        return await surveys.ReissueAsync(surveyId, serviceId, SurveyTokens.Hash(token), cancellationToken) ? token : null;
    }

    /// <summary>The survey when the viewer may see it, else null (as if it did not exist).</summary>
    public async Task<Survey?> FindAsync(Viewer viewer, string surveyId, CancellationToken cancellationToken) =>
        (await surveys.GetAsync([surveyId], cancellationToken)).FirstOrDefault(s => CanSee(viewer, s));

    /// <summary>The authority's survey opened just before <paramref name="survey"/>, or null.</summary>
    public async Task<Survey?> PreviousAsync(Survey survey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return (await surveys.ListAsync(survey.AuthorityId, cancellationToken)).FirstOrDefault(s => IsBefore(s, survey));
    }

    private static bool IsBefore(Survey earlier, Survey later) =>
        earlier.Id != later.Id && (earlier.OpensOn, earlier.CreatedAt).CompareTo((later.OpensOn, later.CreatedAt)) < 0;

    /// <summary>Closes a survey; null when the viewer cannot see it. Closing a closed survey changes nothing.</summary>
    public async Task<Survey?> CloseAsync(Viewer manager, string surveyId, CancellationToken cancellationToken)
    {
        if (await FindAsync(manager, surveyId, cancellationToken) is null)
        {
            return null;
        }
        await surveys.CloseAsync(surveyId, time.GetUtcNow(), cancellationToken);
        return await FindAsync(manager, surveyId, cancellationToken);
    }

    /// <summary>The survey an invitation token opens, and its service; null for a token no invitation has.</summary>
    public Task<(Survey Survey, string ServiceId)?> OpenInvitationAsync(string token, CancellationToken cancellationToken) =>
        surveys.FindInvitationAsync(SurveyTokens.Hash(token), cancellationToken);

    public async Task<SurveyFormData> FormAsync(Survey survey, string serviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var services = await ServicesOfAsync(Viewer.BoundTo(survey.AuthorityId), survey.AuthorityId, cancellationToken);
        var answers = (await surveys.GetDeclarationsAsync(survey.Id, cancellationToken)).Where(d => d.ServiceId == serviceId).ToList();
        return new SurveyFormData(survey, serviceId, services.Where(s => s != serviceId).Order(StringComparer.Ordinal).ToList(), answers);
    }

    /// <summary>
    /// Replaces a service's answers and rewrites the links they make, atomically as far as the graph goes: when any
    /// answer is refused nothing is written, and the errors say which.
    /// </summary>
    /// <exception cref="SurveyClosedException">The survey takes no more answers.</exception>
    public async Task<WriteResult> AnswerAsync(Survey survey, string serviceId, IReadOnlyList<PartnerAnswer> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(answers);
        if (!survey.IsOpenOn(Today))
        {
            throw new SurveyClosedException(survey.Id);
        }
        var gate = _answering.GetOrAdd(survey.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await AnswerOneAtATimeAsync(survey, serviceId, answers, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<WriteResult> AnswerOneAtATimeAsync(Survey survey, string serviceId, IReadOnlyList<PartnerAnswer> answers, CancellationToken cancellationToken)
    {
        var authority = Viewer.BoundTo(survey.AuthorityId);
        var before = await surveys.GetDeclarationsAsync(survey.Id, cancellationToken);
        var own = before.Where(d => d.ServiceId == serviceId).ToList();
        var errors = new List<UserError>();
        var (declarations, newPartners) = await CheckAnswersAsync(survey, serviceId, answers, own, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new WriteResult([], errors, await graph.GetVersionAsync(cancellationToken));
        }

        var plan = SurveySubmission.Plan(survey, serviceId, before, declarations);
        var batch = await BatchAsync(survey, plan, newPartners, cancellationToken) with { Writer = authority };
        var check = await graph.WriteAsync(batch with { ValidateOnly = true }, cancellationToken);
        if (check.Errors.Count > 0)
        {
            return check;
        }
        var previousAnswer = (await surveys.GetInvitationsAsync(survey.Id, cancellationToken)).FirstOrDefault(i => i.ServiceId == serviceId)?.AnsweredAt;
        await surveys.ReplaceDeclarationsAsync(survey.Id, serviceId, declarations, time.GetUtcNow(), cancellationToken);
        try
        {
            var written = await graph.WriteAsync(batch, cancellationToken);
            if (written.Errors.Count > 0)
            {
                await surveys.ReplaceDeclarationsAsync(survey.Id, serviceId, own, previousAnswer, CancellationToken.None);
            }
            return written;
        }
        catch
        {
            // The answers stand only with their links: put the previous ones back whatever stopped the write.
            await surveys.ReplaceDeclarationsAsync(survey.Id, serviceId, own, previousAnswer, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The public themes an answer may name, by listing order (at most 100).</summary>
    public async Task<IReadOnlyList<Node>> ThemesAsync(CancellationToken cancellationToken) =>
        (await graph.ListNodesAsync(Viewer.Public, new NodeQuery { Kinds = [NodeKind.Theme] }, new PageRequest(100), cancellationToken))
            .Items.Select(i => i.Item).ToList();

    /// <summary>
    /// The public actors a form proposes for <paramref name="text"/>: the actor whose SIREN it is (open data's SSE actors
    /// have <c>siren:</c> ids), then name matches
    /// (within a territory when its code is given), then the actors of a commune the text names. Never the authority's private data: a respondent sees only its form.
    /// </summary>
    public async Task<IReadOnlyList<Node>> CandidatesAsync(Survey survey, string text, string? territoryCode, int first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Node>();
        var digits = text.Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length == 9 && digits.All(char.IsAsciiDigit))
        {
            found.AddRange(await graph.GetNodesAsync(Viewer.Public, ["siren:" + digits], cancellationToken));
        }
        if (text.Trim().Length > 0 && first > 0)
        {
            var matches = territoryCode is null
                ? (await graph.SearchAsync(Viewer.Public, text, first * 2, cancellationToken)).ToList()
                : (await graph.ListNodesAsync(Viewer.Public, new NodeQuery { Kinds = ActorKinds, TerritoryCode = territoryCode, Text = text }, new PageRequest(first), cancellationToken))
                    .Items.Select(i => i.Item).ToList();
            found.AddRange(matches);
            // A commune's name finds the actors located there: "by commune" in the respondent's words.
            if (territoryCode is null && matches.OfType<Territory>().FirstOrDefault(t => t.Level == TerritoryLevel.Commune) is { } commune)
            {
                found.AddRange((await graph.ListNodesAsync(Viewer.Public, new NodeQuery { Kinds = ActorKinds, TerritoryCode = commune.Code }, new PageRequest(first), cancellationToken))
                    .Items.Select(i => i.Item));
            }
        }
        return found.Where(n => n.Kind.IsActor() && n.PrivateTo is null && n.Id != survey.AuthorityId)
            .DistinctBy(n => n.Id).Take(first).ToList();
    }

    private static readonly NodeKind[] ActorKinds = Enum.GetValues<ActorKind>().Select(k => k.ToNodeKind()).ToArray();

    /// <summary>The authority's services, as a viewer bound to it sees them.</summary>
    public async Task<HashSet<string>> ServicesOfAsync(Viewer viewer, string authorityId, CancellationToken cancellationToken)
    {
        var ids = (await graph.GetNeighbourIdsAsync(viewer, [authorityId], LinkType.PartOf, LinkDirection.Incoming, cancellationToken))
            .GetValueOrDefault(authorityId) ?? [];
        var nodes = await graph.GetNodesAsync(viewer, ids.ToList(), cancellationToken);
        return nodes.Where(n => n.Kind == NodeKind.Service).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<(List<Declaration> Declarations, List<NodeUpsert> NewPartners)> CheckAnswersAsync(
        Survey survey, string serviceId, IReadOnlyList<PartnerAnswer> answers, IReadOnlyList<Declaration> own, List<UserError> errors,
        CancellationToken cancellationToken)
    {
        if (answers.Count > MaxAnswers)
        {
            errors.Add(new(UserErrorCodes.InvalidValue, $"At most {MaxAnswers} partners an answer (got {answers.Count}).", InputPath));
            return ([], []);
        }
        var authority = Viewer.BoundTo(survey.AuthorityId);
        var services = await ServicesOfAsync(authority, survey.AuthorityId, cancellationToken);
        var declaredBefore = own.Select(d => d.PartnerId).ToHashSet(StringComparer.Ordinal);
        var named = answers.Select(a => a.PartnerId ?? a.NewPartner?.Node.Id).OfType<string>()
            .Concat(answers.SelectMany(a => a.ThemeIds)).Distinct(StringComparer.Ordinal).ToList();
        var existing = (await graph.GetNodesAsync(Viewer.Everything, named, cancellationToken)).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var declarations = new List<Declaration>();
        var newPartners = new List<NodeUpsert>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var thisYear = Today.Year;
        foreach (var answer in answers)
        {
            var path = answer.Path;
            if ((answer.PartnerId is null) == (answer.NewPartner is null))
            {
                errors.Add(new(UserErrorCodes.InvalidValue, "Give exactly one of partnerId and newPartner.", path));
                continue;
            }
            if (answer.Intensity is < Frequencies.Min or > Frequencies.Max)
            {
                errors.Add(new(UserErrorCodes.InvalidValue, $"intensity is {Frequencies.Min} to {Frequencies.Max}.", [.. path, "intensity"]));
            }
            if (answer.Since is { } since && (since.Year < 1900 || since.Year > thisYear))
            {
                errors.Add(new(UserErrorCodes.InvalidValue, $"since is a year from 1900 to {thisYear}.", [.. path, "since"]));
            }
            for (var t = 0; t < answer.ThemeIds.Count; t++)
            {
                if (!existing.TryGetValue(answer.ThemeIds[t], out var theme) || theme.Kind != NodeKind.Theme || !Viewer.Public.CanSee(theme.PrivateTo))
                {
                    errors.Add(new(UserErrorCodes.NotFound, $"No theme has id '{answer.ThemeIds[t]}'.", [.. path, "themeIds", t]));
                }
            }
            string partnerId;
            if (answer.NewPartner is { } created)
            {
                partnerId = created.Node.Id;
                var kind = created.Node.Kind;
                if (kind is not (NodeKind.SseActor or NodeKind.University or NodeKind.InnovationLab))
                {
                    errors.Add(new(UserErrorCodes.InvalidValue, "A new partner is an SSE actor, a university or a lab; services and authorities are listed by the authority.", [.. path, "newPartner", "kind"]));
                }
                // A new partner's id must be new, unless it is one this service added before (a form sent again).
                if (existing.ContainsKey(partnerId) && !declaredBefore.Contains(partnerId))
                {
                    errors.Add(new(UserErrorCodes.Conflict, $"Id '{partnerId}' is taken.", [.. path, "newPartner", "id"]));
                }
                newPartners.Add(created with { Node = created.Node with { PrivateTo = survey.AuthorityId } });
            }
            else
            {
                partnerId = answer.PartnerId!;
                // The form proposes public actors, the authority's services and the partners this service added itself:
                // any other id, the authority's other private data included, is as if missing.
                var proposed = existing.TryGetValue(partnerId, out var partner) && partner.Kind.IsActor()
                    && (partner.PrivateTo is null || services.Contains(partnerId) || (partner.PrivateTo == survey.AuthorityId && declaredBefore.Contains(partnerId)));
                if (!proposed)
                {
                    errors.Add(new(UserErrorCodes.NotFound, $"No actor has id '{partnerId}'.", [.. path, "partnerId"]));
                    continue;
                }
            }
            if (partnerId == serviceId)
            {
                errors.Add(new(UserErrorCodes.InvalidValue, "A service does not declare itself as a partner.", path));
            }
            else if (!seen.Add(partnerId))
            {
                errors.Add(new(UserErrorCodes.Duplicate, $"'{partnerId}' is declared twice.", path));
            }
            declarations.Add(new Declaration(serviceId, partnerId, answer.Kind, answer.Intensity, answer.Since, answer.ThemeIds.Distinct(StringComparer.Ordinal).ToList()));
        }
        return (declarations, newPartners);
    }

    /// <summary>
    /// The graph batch of a submission: new partners, the links still declared, and for each pair no one declares any
    /// more the link an earlier survey of the authority declared (back as it was), else its deletion when this survey made it.
    /// </summary>
    private async Task<GraphBatch> BatchAsync(Survey survey, SubmissionPlan plan, List<NodeUpsert> newPartners, CancellationToken cancellationToken)
    {
        var links = plan.Written.Select((l, i) => new LinkUpsert(l, false, ["input", "links", i])).ToList();
        var deletes = new List<ItemDelete>();
        if (plan.Released.Count > 0)
        {
            var earlier = (await surveys.ListAsync(survey.AuthorityId, cancellationToken))
                .Where(s => IsBefore(s, survey))
                .ToList();
            var earlierDeclarations = new List<(Survey Survey, Dictionary<ActorPair, List<Declaration>> ByPair)>();
            foreach (var s in earlier)
            {
                earlierDeclarations.Add((s, SurveyLinks.ByPair(await surveys.GetDeclarationsAsync(s.Id, cancellationToken))));
            }
            var current = (await graph.GetLinksAsync(Viewer.Everything,
                plan.Released.Select(p => LinkIds.Derive(LinkType.CooperatesWith, p.First, p.Second)).ToList(), cancellationToken))
                .ToDictionary(l => new ActorPair(l.SourceId, l.TargetId));
            foreach (var pair in plan.Released)
            {
                if (earlierDeclarations.FirstOrDefault(e => e.ByPair.ContainsKey(pair)) is { Survey: { } previous } found)
                {
                    links.Add(new LinkUpsert(SurveyLinks.Make(previous, pair, found.ByPair[pair]), false, ["input", "links", links.Count]));
                }
                else if (current.TryGetValue(pair, out var link) && link.Source == survey.Id)
                {
                    deletes.Add(new ItemDelete(link.Id, ["input", "links", links.Count + deletes.Count]));
                }
            }
        }
        return new GraphBatch { Nodes = newPartners, Links = links, LinkDeletes = deletes };
    }
}
