using CoopGraph.Api.Options;
using CoopGraph.Graph.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.Authentication;

/// <summary>One authorization policy per kind of operation: reading, writing, administering.</summary>
public static class ScopePolicies
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    public static string For(ApiScopes needed) => needed switch
    {
        ApiScopes.Read => Read,
        ApiScopes.Write => Write,
        ApiScopes.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(needed), needed, "One scope per operation."),
    };

    public static IServiceCollection AddCoopGraphAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, p => p.AddRequirements(new ScopeRequirement(ApiScopes.Read)))
            .AddPolicy(Write, p => p.AddRequirements(new ScopeRequirement(ApiScopes.Write)))
            .AddPolicy(Admin, p => p.AddRequirements(new ScopeRequirement(ApiScopes.Admin)));
        services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        services.AddSingleton<OperationAccess>();
        return services;
    }
}

/// <summary>The operation needs this scope, or an anonymous caller where the configuration opens it to them.</summary>
public sealed record ScopeRequirement(ApiScopes Scope) : IAuthorizationRequirement;

internal sealed class ScopeHandler(IOptionsMonitor<AccessOptions> options) : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var user = context.User;
        var open = options.CurrentValue;
        var anonymousAllowed = requirement.Scope switch
        {
            ApiScopes.Read => open.AllowAnonymousRead,
            ApiScopes.Write => open.AllowAnonymousWrite,
            _ => false,
        };
        if (user.IsKeyHolder() ? user.HasScope(requirement.Scope) : anonymousAllowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
