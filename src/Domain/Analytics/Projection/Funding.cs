using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Projection;

/// <summary>
/// What a FUNDS link says of the money: its amount, its year (or its start date's), its instrument, and the domain it
/// serves when known.
/// </summary>
public readonly record struct Funding(decimal? Amount, int? Year, Instrument? Instrument, PolicyDomain? Domain = null);
