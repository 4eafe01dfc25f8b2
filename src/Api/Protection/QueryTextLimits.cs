using CoopGraph.Api.Options;
using GraphQLParser;

namespace CoopGraph.Api.Protection;

/// <summary>Checks the query text before it is parsed: its length, then its number of tokens (one linear pass).</summary>
public static class QueryTextLimits
{
    /// <summary>Why the query is refused, or null.</summary>
    public static string? Check(string query, QueryLimitsOptions limits)
    {
        if (query.Length > limits.MaxQueryLength)
        {
            return $"The query has {query.Length} characters; at most {limits.MaxQueryLength} are accepted.";
        }
        var tokens = 0;
        try
        {
            for (var token = Lexer.Lex(query, 0); token.Kind != TokenKind.EOF; token = Lexer.Lex(query, token.End))
            {
                if (++tokens > limits.MaxTokens)
                {
                    return $"The query has more than {limits.MaxTokens} tokens.";
                }
            }
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            // Not ours to report: the parser will, with its position.
        }
        return null;
    }
}
