using System.Net;
using System.Text.Json.Nodes;
using CoopGraph.Api.Commands;
using CoopGraph.Graph.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>An instance that requires keys for everything: who gets in, with which scope, and what they see when refused.</summary>
public sealed class AccessTests(AccessTests.KeysRequiredFactory factory) : IClassFixture<AccessTests.KeysRequiredFactory>
{
    private const string Query = """{"query":"{ graphStats { nodes } }"}""";
    private const string Mutation = """{"query":"mutation { upsertThemes(input: [{ id: \"test:keyed\", name: \"Keyed\", domain: CULTURE }]) { ids errors { code } } }"}""";

    private async Task<HttpResponseMessage> SendAsync(string body, string? bearer = null, string? apiKeyHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        if (apiKeyHeader is not null)
        {
            request.Headers.Add("X-Api-Key", apiKeyHeader);
        }
        return await factory.CreateClient().SendAsync(request);
    }

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    private Task<string> CreateKeyAsync(string name, ApiScopes scopes) =>
        factory.Services.GetRequiredService<IApiKeyStore>().CreateAsync(name, scopes, false, null, CancellationToken.None);

    [Fact]
    public async Task WithoutAKey_EverythingIsUnauthenticated()
    {
        using var query = await SendAsync(Query);
        using var mutation = await SendAsync(Mutation);

        Assert.Equal(HttpStatusCode.Unauthorized, query.StatusCode);
        Assert.Equal("application/graphql-response+json", query.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", query.Headers.WwwAuthenticate.ToString());
        Assert.Equal("UNAUTHENTICATED", await CodeOf(query));
        Assert.Equal(HttpStatusCode.Unauthorized, mutation.StatusCode);
    }

    [Fact]
    public async Task AReadKey_Reads_ButMayNotWrite()
    {
        var key = await CreateKeyAsync("reader", ApiScopes.Read);

        using var query = await SendAsync(Query, bearer: key);
        using var viaHeader = await SendAsync(Query, apiKeyHeader: key);
        using var mutation = await SendAsync(Mutation, bearer: key);

        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mutation.StatusCode);
        Assert.Equal("FORBIDDEN", await CodeOf(mutation));
    }

    [Fact]
    public async Task AWriteKey_Writes_UntilRevoked()
    {
        var key = await CreateKeyAsync("writer", ApiScopes.Write);

        using var written = await SendAsync(Mutation, bearer: key);
        await factory.Services.GetRequiredService<IApiKeyStore>().RevokeAsync("writer", CancellationToken.None);
        using var afterRevocation = await SendAsync(Query, bearer: key);

        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Empty(JsonNode.Parse(await written.Content.ReadAsStringAsync())!["data"]!["upsertThemes"]!["errors"]!.AsArray());
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.StatusCode);
    }

    [Fact]
    public async Task AnUnknownKey_IsUnauthenticated()
    {
        using var response = await SendAsync(Query, bearer: ApiKeyMaterial.NewKey());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", await CodeOf(response));
    }

    [Fact]
    public async Task KeysVerb_CreatesListsAndRevokes_AndKeepsOnlyAHash()
    {
        var path = factory.DatabasePath;
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var created = await KeysCommand.RunAsync(["create", "--name", "partner", "--scopes", "read,write", "--Graph:Embedded:Path", path], output, errors, CancellationToken.None);
        var key = output.ToString().Trim().Split('\n')[^1].Trim();
        using var listing = new StringWriter();
        await KeysCommand.RunAsync(["list", "--Graph:Embedded:Path", path], listing, errors, CancellationToken.None);
        using var usedByServer = await SendAsync(Mutation, bearer: key);
        var revoked = await KeysCommand.RunAsync(["revoke", "--name", "partner", "--Graph:Embedded:Path", path], output, errors, CancellationToken.None);
        var refused = await KeysCommand.RunAsync(["create", "--name", "bad", "--scopes", "everything", "--Graph:Embedded:Path", path], output, errors, CancellationToken.None);

        Assert.Equal((0, 0, 2), (created, revoked, refused));
        Assert.StartsWith(ApiKeyMaterial.KeyPrefix, key);
        Assert.Contains("partner", listing.ToString());
        Assert.DoesNotContain(key, listing.ToString());
        Assert.Equal(HttpStatusCode.OK, usedByServer.StatusCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            Assert.DoesNotContain(key, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
        }
    }

    [Fact]
    public async Task TrustedOnlyKeys_RunRegisteredDocumentsOnly()
    {
        var store = factory.Services.GetRequiredService<IApiKeyStore>();
        var admin = await store.CreateAsync("admin", ApiScopes.Admin, false, null, CancellationToken.None);
        var partner = await store.CreateAsync("trusted-partner", ApiScopes.Read, true, null, CancellationToken.None);
        var writer = await store.CreateAsync("plain-writer", ApiScopes.Write, false, null, CancellationToken.None);
        const string Document = "query Stats { graphStats { nodes links } }";
        var register = GraphQLClient.Json(new { query = "mutation($d: [String!]!) { registerTrustedDocuments(documents: $d) }", variables = new { d = new[] { Document } } });

        using var byWriter = await SendAsync(register, bearer: writer);
        using var byAdmin = await SendAsync(register, bearer: admin);
        var id = JsonNode.Parse(await byAdmin.Content.ReadAsStringAsync())!["data"]!["registerTrustedDocuments"]![0]!.GetValue<string>();
        using var byId = await SendAsync(GraphQLClient.Json(new { documentId = id }), bearer: partner);
        using var sameText = await SendAsync(GraphQLClient.Json(new { query = Document }), bearer: partner);
        using var other = await SendAsync(Query, bearer: partner);
        using var unknown = await SendAsync(GraphQLClient.Json(new { documentId = "sha256:" + new string('0', 64) }), bearer: partner);

        Assert.Equal("FORBIDDEN", await CodeOf(byWriter));
        Assert.Equal(Graph.Access.TrustedDocumentIds.Of(Document), id);
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.True(JsonNode.Parse(await byId.Content.ReadAsStringAsync())!["data"]!["graphStats"]!["nodes"]!.GetValue<long>() > 0);
        Assert.Equal(HttpStatusCode.OK, sameText.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("FORBIDDEN", await CodeOf(other));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("PERSISTED_DOCUMENT_NOT_FOUND", await CodeOf(unknown));
    }

    public sealed class KeysRequiredFactory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Api:AllowAnonymousRead", "false");
            builder.UseSetting("Api:AllowAnonymousWrite", "false");
        }
    }
}
