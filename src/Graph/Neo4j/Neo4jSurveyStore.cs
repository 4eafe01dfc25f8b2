using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;
using CoopGraph.Graph.Neo4j.QueryApi;
using CoopGraph.Graph.Surveys;
using static CoopGraph.Graph.Neo4j.Neo4jGraphStore;

namespace CoopGraph.Graph.Neo4j;

/// <summary>Surveys as :Survey, :SurveyInvitation and :SurveyDeclaration nodes beside the graph (token hashes only).</summary>
public sealed class Neo4jSurveyStore(Neo4jQueryClient client) : ISurveyStore
{
    private static readonly CypherStatement Create = CypherStatement.Load("surveys-create");
    private static readonly CypherStatement Get = CypherStatement.Load("surveys-get");
    private static readonly CypherStatement List = CypherStatement.Load("surveys-list");
    private static readonly CypherStatement FindInvitation = CypherStatement.Load("survey-invitation-find");
    private static readonly CypherStatement Reissue = CypherStatement.Load("survey-invitation-reissue");
    private static readonly CypherStatement Close = CypherStatement.Load("survey-close");
    private static readonly CypherStatement Invitations = CypherStatement.Load("survey-invitations");
    private static readonly CypherStatement Declarations = CypherStatement.Load("survey-declarations");
    private static readonly CypherStatement ReplaceDeclarations = CypherStatement.Load("survey-declarations-replace");

    public async Task CreateAsync(Survey survey, IReadOnlyList<(string ServiceId, string TokenHash)> invitations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(invitations);
        await client.RunAsync(Create, Params(
            ("id", survey.Id), ("authorityId", survey.AuthorityId), ("title", survey.Title), ("opensOn", PropertyMaps.Param(survey.OpensOn)),
            ("closesOn", PropertyMaps.Param(survey.ClosesOn)), ("createdAt", PropertyMaps.Param(survey.CreatedAt)),
            ("invitations", invitations.Select(i => new Dictionary<string, object?> { ["serviceId"] = i.ServiceId, ["tokenHash"] = i.TokenHash }).ToList())),
            AccessMode.Write, cancellationToken);
    }

    public async Task<IReadOnlyList<Survey>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }
        var result = await client.RunAsync(Get, Params(("ids", ids)), AccessMode.Read, cancellationToken);
        return result.Rows.Select(ReadSurvey).ToList();
    }

    public async Task<IReadOnlyList<Survey>> ListAsync(string authorityId, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(List, Params(("authorityId", authorityId)), AccessMode.Read, cancellationToken);
        return result.Rows.Select(ReadSurvey).ToList();
    }

    public async Task<(Survey Survey, string ServiceId)?> FindInvitationAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(FindInvitation, Params(("hash", tokenHash)), AccessMode.Read, cancellationToken);
        return result.Rows.Count == 0 ? null : (ReadSurvey(result.Rows[0]), (string)result.Rows[0][7]!);
    }

    public async Task<bool> ReissueAsync(string surveyId, string serviceId, string tokenHash, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(Reissue, Params(("surveyId", surveyId), ("serviceId", serviceId), ("hash", tokenHash)), AccessMode.Write, cancellationToken);
        return result.Scalar() is 1L;
    }

    public async Task<bool> CloseAsync(string surveyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(Close, Params(("id", surveyId), ("at", PropertyMaps.Param(at))), AccessMode.Write, cancellationToken);
        return result.Scalar() is 1L;
    }

    public async Task<IReadOnlyList<SurveyInvitation>> GetInvitationsAsync(string surveyId, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(Invitations, Params(("surveyId", surveyId)), AccessMode.Read, cancellationToken);
        return result.Rows.Select(r => new SurveyInvitation(surveyId, (string)r[0]!, Instant(r[1]), checked((int)(long)r[2]!))).ToList();
    }

    public async Task<IReadOnlyList<Declaration>> GetDeclarationsAsync(string surveyId, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(Declarations, Params(("surveyId", surveyId)), AccessMode.Read, cancellationToken);
        return result.Rows.Select(r => new Declaration(
            (string)r[0]!, (string)r[1]!, Enum.Parse<CooperationKind>((string)r[2]!), checked((int)(long)r[3]!), r[4] as DateOnly?,
            r[5] is IEnumerable<object?> themes ? themes.OfType<string>().ToList() : [])).ToList();
    }

    public async Task ReplaceDeclarationsAsync(
        string surveyId, string serviceId, IReadOnlyList<Declaration> declarations, DateTimeOffset? answeredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        var rows = declarations.Select(d => new Dictionary<string, object?>
        {
            ["partnerId"] = d.PartnerId, ["kind"] = d.Kind.ToString(), ["intensity"] = d.Intensity, ["since"] = PropertyMaps.Param(d.Since),
            ["themeIds"] = d.ThemeIds,
        }).ToList();
        await client.RunAsync(ReplaceDeclarations, Params(
            ("surveyId", surveyId), ("serviceId", serviceId), ("answeredAt", answeredAt is { } at ? PropertyMaps.Param(at) : null), ("declarations", rows)),
            AccessMode.Write, cancellationToken);
    }

    private static Survey ReadSurvey(object?[] row) => new()
    {
        Id = (string)row[0]!,
        AuthorityId = (string)row[1]!,
        Title = (string)row[2]!,
        OpensOn = (DateOnly)row[3]!,
        ClosesOn = row[4] as DateOnly?,
        ClosedAt = Instant(row[5]),
        CreatedAt = Instant(row[6])!.Value,
    };

    private static DateTimeOffset? Instant(object? value) => value switch
    {
        DateTimeOffset d => d,
        ZonedDateTime z => z.Instant,
        _ => null,
    };
}
