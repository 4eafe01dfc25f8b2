using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CoopGraph.Api.Tests.Surveys;

/// <summary>The operations a manager's page and a respondent's page send.</summary>
public static class SurveyCalls
{
    public const string Create =
        "mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { survey { id status invited } invitations { service { id } token url } errors { code message path } } }";

    public const string Answer = "mutation($input: [DeclaredPartnerInput!]!) { answerSurvey(input: $input) { ids errors { code message path } } }";

    public const string Results =
        "query($id: ID!) { survey(id: $id) { id title status invited answered responseRate reciprocity " +
        "respondents { service { id } answeredAt declared } pairs { source { id } target { id } declaredBy { id } confirmed } } }";

    public const string Form =
        "{ surveyForm { survey { id title status } service { id name } colleagues { id name } answers { partner { id name } kind intensity since themes { id } } } }";

    public const string Transversality =
        "query($a: ID!, $s: ID, $c: Boolean) { transversality(authorityId: $a, surveyId: $s, confirmedOnly: $c) { serviceLinks transversalLinks linkShare " +
        "domainPairs coveredDomainPairs siloDomains matrix { a b direct bridged covered } } }";

    /// <summary>Creates a survey as the authority's manager and returns its id and each service's token.</summary>
    public static async Task<(string Id, Dictionary<string, string> Tokens)> CreateAsync(SurveyFactory factory, TestAuthority authority, string title, string? closesOn = null)
    {
        using var manager = factory.ClientWith(authority.ManagerKey);
        var payload = (await manager.PostAsync(Create, new { input = new { authorityId = authority.Id, title, closesOn } }))["data"]!["createSurvey"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        var tokens = payload["invitations"]!.AsArray().ToDictionary(i => i!["service"]!["id"]!.GetValue<string>(), i => i!["token"]!.GetValue<string>());
        return (payload["survey"]!["id"]!.GetValue<string>(), tokens);
    }

    public static object Partner(string id, string kind = "SHARED_PROJECT", int intensity = 3, string? since = null, string[]? themeIds = null) =>
        new { partnerId = id, kind, intensity, since, themeIds };

    /// <summary>Submits answers with a token; returns the payload (ids, errors).</summary>
    public static async Task<JsonNode> AnswerAsync(SurveyFactory factory, string token, params object[] partners)
    {
        using var respondent = factory.ClientWith(token);
        var body = await respondent.PostAsync(Answer, new { input = partners });
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!["answerSurvey"]!;
    }

    public static async Task<JsonNode> ResultsAsync(SurveyFactory factory, TestAuthority authority, string surveyId)
    {
        using var manager = factory.ClientWith(authority.ManagerKey);
        var body = await manager.PostAsync(Results, new { id = surveyId });
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!["survey"]!;
    }

    public static async Task<JsonNode> TransversalityAsync(HttpClient client, string authorityId, string? surveyId = null, bool confirmedOnly = false)
    {
        var body = await client.PostAsync(Transversality, new { a = authorityId, s = surveyId, c = confirmedOnly });
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!["transversality"]!;
    }

    /// <summary>Posts a raw GraphQL body without asserting success: confinement tests look at refusals.</summary>
    public static async Task<(int Status, JsonNode Body)> TryAsync(HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public static string? FirstCode(JsonNode body) => body["errors"]?.AsArray().FirstOrDefault()?["extensions"]?["code"]?.GetValue<string>();
}
