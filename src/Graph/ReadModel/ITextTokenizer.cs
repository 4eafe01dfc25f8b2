namespace CoopGraph.Graph.ReadModel;

/// <summary>How a store's full-text index cuts a text into tokens and folds each one.</summary>
public interface ITextTokenizer
{
    /// <summary>Adds the tokens of <paramref name="text"/>, in order, to <paramref name="tokens"/>; nothing for null.</summary>
    void Tokenize(string? text, List<string> tokens);
}
