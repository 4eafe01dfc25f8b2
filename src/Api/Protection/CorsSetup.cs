using CoopGraph.Api.Options;

namespace CoopGraph.Api.Protection;

public static class CorsSetupExtensions
{
    /// <summary>The CORS policy, from the validated <see cref="CorsOptions"/>.</summary>
    public static IServiceCollection AddCoopGraphCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<CorsOptions>>((cors, ours) => cors.AddPolicy(CorsOptions.Policy, policy => policy
                .WithOrigins(ours.Value.Origins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Content-Type", "Authorization", "X-Api-Key", "GraphQL-Require-Preflight")
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
