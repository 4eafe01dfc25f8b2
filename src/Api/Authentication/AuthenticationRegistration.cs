namespace CoopGraph.Api.Authentication;

/// <summary>
/// The API key scheme, and the one service that decides what a caller may run (<see cref="OperationAccess"/>).
/// </summary>
public static class AuthenticationRegistration
{
    public static IServiceCollection AddCoopGraphAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<OperationAccess>();
        return services;
    }
}
