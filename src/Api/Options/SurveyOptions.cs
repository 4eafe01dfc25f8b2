namespace CoopGraph.Api.Options;

/// <summary>How survey invitations are addressed.</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>
    /// The address respondents reach CoopGraph at (https://coop.example.org), for invitation links; by default the
    /// address the manager's request came to. Set it behind a proxy, and for the command line's invitations.
    /// </summary>
    public string? PublicUrl { get; set; }

    public bool PublicUrlIsValid() =>
        string.IsNullOrWhiteSpace(PublicUrl)
        || (Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Query.Length == 0);

    /// <summary>The invitation page's address for a token, under <paramref name="origin"/> when no public address is set.</summary>
    public string InvitationUrl(string origin, string token) => $"{(string.IsNullOrWhiteSpace(PublicUrl) ? origin : PublicUrl).TrimEnd('/')}/survey/{token}";
}
