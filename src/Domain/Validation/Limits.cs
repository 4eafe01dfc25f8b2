namespace CoopGraph.Domain.Validation;

/// <summary>Sizes the model accepts; the API documents them in its schema.</summary>
public static class Limits
{
    public const int MaxIdLength = 200;
    public const int MaxNameLength = 500;
    public const int MaxDescriptionLength = 10_000;
    public const int MaxTagCount = 50;
    public const int MaxTagLength = 100;
    public const int MaxNoteLength = 2_000;
    public const int MaxBatchSize = 1_000;
    public const int MinIntensity = 1;
    public const int MaxIntensity = 5;
}
