using System.Security.Cryptography;
using CoopGraph.Graph.Access;

namespace CoopGraph.Graph.Surveys;

/// <summary>
/// Invitation tokens: random like keys and kept the same way (a SHA-256 hash), told apart from keys by their prefix so
/// that a request presenting one is never looked up as a key.
/// </summary>
public static class SurveyTokens
{
    public const string Prefix = "sv_";

    public static string New() => ApiKeyMaterial.NewSecret(Prefix);

    public static bool LooksLikeToken(string presented) => presented.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Hash(string token) => ApiKeyMaterial.Hash(token);

    /// <summary>A new survey id: random, so that ids say nothing of the authority's other surveys.</summary>
    public static string NewSurveyId() => Domain.Surveys.SurveyOrigins.Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
