namespace CoopGraph.Api.Protection;

/// <summary>Configuration section <c>Api:Cors</c>: the browser origins allowed to call the API (none by default).</summary>
public sealed class CorsOptions
{
    public const string Section = "Api:Cors";
    public const string Policy = "coopgraph";

    public string[] Origins { get; set; } = [];
}

public static class CorsSetupExtensions
{
    public static IServiceCollection AddCoopGraphCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(CorsOptions.Section).Get<CorsOptions>()?.Origins ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsOptions.Policy, policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Authorization", "X-Api-Key", "GraphQL-Require-Preflight")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
