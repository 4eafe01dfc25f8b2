namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// A store whose search the read model can answer as the store does: FTS5's. Each typed word is a quoted prefix phrase,
/// every phrase is required, and matches are ranked by FTS5's bm25 (its constants, every column weighing one) over each
/// node's name and description, then by seq. Only the tokenizer differs from one such store to another.
/// </summary>
public interface IFts5Search
{
    ITextTokenizer SearchTokenizer { get; }
}
