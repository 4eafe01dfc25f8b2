namespace CoopGraph.Domain.Analytics;

/// <summary>An analysis asked about something that is not there (an unknown authority, territory, theme, cursor).</summary>
public sealed class AnalysisInputException(string message) : Exception(message);
