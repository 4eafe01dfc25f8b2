using Microsoft.Extensions.Options;

namespace CoopGraph.Api.Options;

/// <summary>
/// Every configuration section of the API, bound and validated when the host starts: a value out of range or of the
/// wrong form stops the start with the section's name, rather than the first request that reads it.
/// </summary>
public static class ApiOptionsRegistration
{
    public static IServiceCollection AddCoopGraphApiOptions(this IServiceCollection services)
    {
        Add<AccessOptions>(services, AccessOptions.Section);
        Add<QueryLimitsOptions>(services, QueryLimitsOptions.Section);
        Add<RateLimitOptions>(services, RateLimitOptions.Section);
        Add<TrustedDocumentsOptions>(services, TrustedDocumentsOptions.Section);
        Add<ExplorerOptions>(services, ExplorerOptions.Section);
        Add<StreamOptions>(services, StreamOptions.Section);
        Add<ResponseCacheOptions>(services, ResponseCacheOptions.Section);
        Add<DirectReadsOptions>(services, DirectReadsOptions.Section);
        Add<SurveyOptions>(services, SurveyOptions.Section)
            .Validate(o => o.PublicUrlIsValid(), "Surveys:PublicUrl must be an http(s) address such as https://coop.example.org.");
        Add<CorsOptions>(services, CorsOptions.Section)
            .Validate(o => o.OriginsAreValid(), "Api:Cors:Origins must be origins such as https://observatoire.example.org (scheme, host, port; no path).");
        return services;
    }

    private static OptionsBuilder<T> Add<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
