using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Api.GraphQL.Themes;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Surveys;

public enum SurveyStatus
{
    Open,
    Closed,
}

public sealed class SurveyStatusType : EnumerationGraphType<SurveyStatus>
{
    public SurveyStatusType()
    {
        Name = "SurveyStatus";
        Description = "Whether a survey still takes answers.";
        Add("OPEN", SurveyStatus.Open, "Answers are taken.");
        Add("CLOSED", SurveyStatus.Closed, "Closed by hand or past its closing date: answers are refused with SURVEY_CLOSED; results stay.");
    }
}

public sealed class SurveyType : ObjectGraphType<Survey>
{
    public SurveyType()
    {
        Name = "Survey";
        Description = "A cooperation survey: an authority asks each of its services with whom it works. Everything it collects is private to " +
            "the authority: only keys bound to it and administrators see the survey; an invitation token sees its own form only.";
        Interface<NodeInterface>();
        this.IsTypeOfClass();
        Field<NonNullGraphType<IdGraphType>>("id").Description(NodeFields.Id).Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Its title, as respondents see it.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<AuthorityType>>("authority").Description("The authority that runs it.")
            .Resolve(c => c.Loaders().Node(c.Source.AuthorityId));
        Field<NonNullGraphType<SurveyStatusType>>("status").Description("OPEN or CLOSED, today.")
            .Resolve(c => c.Source.IsOpenOn(c.SurveyService().Today) ? SurveyStatus.Open : SurveyStatus.Closed);
        Field<NonNullGraphType<DateType>>("opensOn").Description("The day it was created and opened.").Resolve(c => c.Source.OpensOn);
        Field<DateType>("closesOn").Description("The last day answers are taken; null: until closed by hand.").Resolve(c => c.Source.ClosesOn);
        Field<DateTimeOffsetGraphType>("closedAt").Description("When a manager closed it by hand, or null.").Resolve(c => c.Source.ClosedAt);
        Field<NonNullGraphType<IntGraphType>>("invited").Description("Services invited to answer.")
            .ResolveAsync(async c => (await c.ManagedFiguresAsync()).Invited);
        Field<NonNullGraphType<IntGraphType>>("answered").Description("Invited services that have submitted their answers.")
            .ResolveAsync(async c => (await c.ManagedFiguresAsync()).Answered);
        Field<NonNullGraphType<FloatGraphType>>("responseRate").Description("answered / invited; 0 when no one is invited.")
            .ResolveAsync(async c => (await c.ManagedFiguresAsync()).ResponseRate);
        Field<FloatGraphType>("reciprocity")
            .Description("Among the pairs of two invited services declared by at least one of them, the share declared by both (confirmed); null when there is no such pair.")
            .ResolveAsync(async c => (await c.ManagedFiguresAsync()).Reciprocity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyRespondentType>>>>("respondents")
            .Description("Every invited service, whether it has answered and how many partners it declared, by service id.")
            .ResolveAsync(async c =>
            {
                c.RequireManager();
                return await c.Surveys().InvitationsAsync(c.Source.Id, c.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyPairType>>>>("pairs")
            .Description("The pairs of actors its answers declare (each a COOPERATES_WITH link of the authority), with who declared them.")
            .ResolveAsync(async c =>
            {
                c.RequireManager();
                return SurveyPairs.Of(await c.Surveys().DeclarationsAsync(c.Source.Id, c.CancellationToken));
            });
        Field<SurveyType>("previous").Description("The authority's survey before this one, or null.")
            .ResolveAsync(async c => await c.PreviousSurveyAsync(c.Source));
        Field<SurveyChangesType>("changes")
            .Description("What changed since the authority's previous survey: pairs declared now and not then, and the reverse; null when this is its first survey.")
            .ResolveAsync(async c =>
            {
                c.RequireManager();
                if (await c.PreviousSurveyAsync(c.Source) is not { } previous)
                {
                    return null;
                }
                var loaders = c.Surveys();
                var changes = SurveyChanges.Between(
                    await loaders.DeclarationsAsync(previous.Id, c.CancellationToken), await loaders.DeclarationsAsync(c.Source.Id, c.CancellationToken));
                return new SurveyChangesView(previous, changes);
            });
    }
}

public sealed class SurveyRespondentType : ObjectGraphType<SurveyInvitation>
{
    public SurveyRespondentType()
    {
        Name = "SurveyRespondent";
        Description = "An invited service and its answer.";
        Field<NonNullGraphType<ServiceType>>("service").Description("The service asked.").Resolve(c => c.Loaders().Node(c.Source.ServiceId));
        Field<DateTimeOffsetGraphType>("answeredAt").Description("When it last submitted its answers; null while it has not.").Resolve(c => c.Source.AnsweredAt);
        Field<NonNullGraphType<IntGraphType>>("declared").Description("How many partners its last submission declared.").Resolve(c => c.Source.Declared);
    }
}

/// <summary>A pair of actors a survey's answers declare, with who declared it.</summary>
public sealed record SurveyPair(ActorPair Pair, IReadOnlyList<string> DeclaredBy, bool Confirmed);

public static class SurveyPairs
{
    public static IReadOnlyList<SurveyPair> Of(IEnumerable<Declaration> declarations) =>
        SurveyLinks.ByPair(declarations)
            .OrderBy(p => p.Key.First, StringComparer.Ordinal).ThenBy(p => p.Key.Second, StringComparer.Ordinal)
            .Select(p => new SurveyPair(p.Key, p.Value.Select(d => d.ServiceId).Order(StringComparer.Ordinal).ToList(), SurveyLinks.IsConfirmed(p.Key, p.Value)))
            .ToList();
}

public sealed class SurveyPairType : ObjectGraphType<SurveyPair>
{
    public SurveyPairType()
    {
        Name = "SurveyPair";
        Description = "Two actors a survey's answers say cooperate (ends in id order).";
        Field<NonNullGraphType<ActorInterface>>("source").Description("The end whose id comes first.").Resolve(c => c.Loaders().Node(c.Source.Pair.First));
        Field<NonNullGraphType<ActorInterface>>("target").Description("The other end.").Resolve(c => c.Loaders().Node(c.Source.Pair.Second));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("declaredBy").Description("The services that declared it.")
            .Resolve(c => c.Loaders().Nodes(c.Source.DeclaredBy, NodeKind.Service));
        Field<NonNullGraphType<BooleanGraphType>>("confirmed").Description("Declared by both ends (two services of the authority).").Resolve(c => c.Source.Confirmed);
    }
}

public sealed record SurveyChangesView(Survey Previous, SurveyChanges Changes);

public sealed class SurveyChangesType : ObjectGraphType<SurveyChangesView>
{
    public SurveyChangesType()
    {
        Name = "SurveyChanges";
        Description = "What changed between the authority's previous survey and this one.";
        Field<NonNullGraphType<SurveyType>>("previous").Description("The survey compared with.").Resolve(c => c.Source.Previous);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyPairType>>>>("appeared").Description("Pairs declared now and not in the previous survey.")
            .Resolve(c => c.Source.Changes.Appeared.Select(p => new SurveyPair(p, [], false)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyPairType>>>>("noLongerDeclared").Description("Pairs the previous survey declared and this one does not.")
            .Resolve(c => c.Source.Changes.NoLongerDeclared.Select(p => new SurveyPair(p, [], false)));
    }
}

public sealed class SurveyInvitationType : ObjectGraphType<IssuedInvitationView>
{
    public SurveyInvitationType()
    {
        Name = "SurveyInvitation";
        Description = "A service's personal invitation: shown once, at creation or reissue (only a hash is kept).";
        Field<NonNullGraphType<ServiceType>>("service").Description("The service invited.").Resolve(c => c.Loaders().Node(c.Source.ServiceId));
        Field<NonNullGraphType<StringGraphType>>("token").Description("The invitation token: the respondent's credential (Authorization: Bearer).").Resolve(c => c.Source.Token);
        Field<NonNullGraphType<StringGraphType>>("url").Description("The survey page's address for this service: /survey/<token> on this server.").Resolve(c => c.Source.Url);
    }
}

public sealed record IssuedInvitationView(string ServiceId, string Token, string Url);

/// <summary>What an invitation's form shows, loaded as the survey's authority sees it (the respondent's own reads are public only).</summary>
public sealed record SurveyFormView(Survey Survey, Node Service, IReadOnlyList<Node> Colleagues, IReadOnlyList<DeclaredPartnerView> Answers)
{
    /// <summary>The colleagues by direction: each direction with its services (itself first), then those under none.</summary>
    public IReadOnlyList<ColleagueGroup> Groups()
    {
        var directions = Colleagues.OfType<Service>().Select(s => s.DirectionId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var byId = Colleagues.ToDictionary(c => c.Id, StringComparer.Ordinal);
        return Colleagues.OfType<Service>()
            .GroupBy(s => s.DirectionId ?? (directions.Contains(s.Id) ? s.Id : null))
            .Select(g => new ColleagueGroup(g.Key is { } id ? byId.GetValueOrDefault(id) : null,
                g.OrderBy(s => s.Id == g.Key ? 0 : 1).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList()))
            .OrderBy(g => g.Direction is null ? 1 : 0).ThenBy(g => g.Direction?.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}

/// <summary>A direction and its services, as the form lists colleagues; the direction is null for services under none.</summary>
public sealed record ColleagueGroup(Node? Direction, IReadOnlyList<Service> Services);

public sealed class ColleagueGroupType : ObjectGraphType<ColleagueGroup>
{
    public ColleagueGroupType()
    {
        Name = "ColleagueGroup";
        Description = "A direction of the authority and its services, as a respondent's form lists colleagues.";
        Field<ServiceType>("direction").Description("The direction; null for the services under no direction.").Resolve(c => c.Source.Direction);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("services").Description("Its services, the direction itself first.").Resolve(c => c.Source.Services);
    }
}

public sealed record DeclaredPartnerView(Declaration Declaration, Node Partner, IReadOnlyList<Node> Themes);

public sealed class SurveyFormType : ObjectGraphType<SurveyFormView>
{
    public SurveyFormType()
    {
        Name = "SurveyForm";
        Description = "A respondent's form, read with its invitation token: its service, the authority's other services, its last answers.";
        Field<NonNullGraphType<SurveyType>>("survey").Description("The survey (its title, authority, status and dates; its results are the managers').").Resolve(c => c.Source.Survey);
        Field<NonNullGraphType<ServiceType>>("service").Description("The service answering.").Resolve(c => c.Source.Service);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("colleagues").Description("The authority's other services, by name.")
            .Resolve(c => c.Source.Colleagues);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ColleagueGroupType>>>>("colleagueGroups").Description("The same colleagues grouped by direction.")
            .Resolve(c => c.Source.Groups());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeclaredPartnerType>>>>("answers").Description("Its last submitted answers (empty before the first).")
            .Resolve(c => c.Source.Answers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeType>>>>("themes").Description("The themes an answer may name.")
            .ResolveAsync(async c => await c.SurveyService().ThemesAsync(c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorInterface>>>>("candidates")
            .Description("Public actors the form may propose as partners (associations, cooperatives, labs, universities, other authorities): by name, by SIREN (9 digits), and within a territory when its code is given — the \"did you mean\" before adding a new partner.")
            .Argument<NonNullGraphType<StringGraphType>>("text", "A name, words of it, or a SIREN.")
            .Argument<StringGraphType>("territoryCode", "Only actors located in this territory (a commune's INSEE code, say).")
            .Argument<IntGraphType>("first", "How many, best first (at most 20).", a => a.DefaultValue = 10)
            .ResolveAsync(async c =>
            {
                var (text, first) = SearchArguments.Read(c, 10, 20);
                return await c.SurveyService().CandidatesAsync(c.Source.Survey, text, c.GetArgument<string?>("territoryCode"), first, c.CancellationToken);
            });
    }
}

public sealed class DeclaredPartnerType : ObjectGraphType<DeclaredPartnerView>
{
    public DeclaredPartnerType()
    {
        Name = "DeclaredPartner";
        Description = "One partner a service declared.";
        Field<NonNullGraphType<ActorInterface>>("partner").Description("The partner.").Resolve(c => c.Source.Partner);
        Field<NonNullGraphType<CooperationKindType>>("kind").Description("The kind of cooperation.").Resolve(c => c.Source.Declaration.Kind);
        Field<NonNullGraphType<IntGraphType>>("intensity").Description(IntensityWords.Description).Resolve(c => c.Source.Declaration.Intensity);
        Field<DateType>("since").Description("Since when (the first of January of the year given).").Resolve(c => c.Source.Declaration.Since);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeType>>>>("themes").Description("The themes of the cooperation.").Resolve(c => c.Source.Themes);
    }
}

public static class IntensityWords
{
    public static string Description { get; } = "How often, 1 to 5: " +
        string.Join(", ", Frequencies.Words.Select((w, i) => $"{i + 1} {w}")) + ".";
}
