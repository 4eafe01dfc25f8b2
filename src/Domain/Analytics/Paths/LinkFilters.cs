using CoopGraph.Domain.Analytics.Projection;

namespace CoopGraph.Domain.Analytics.Paths;

/// <summary>
/// Which links a search may cross. Searches take it as a struct type argument, so that the check is inlined in the
/// innermost loop rather than called through a delegate for each of millions of links.
/// </summary>
public interface ILinkFilter
{
    bool Allows(int link);
}

/// <summary>Every link: graphs already cut to what may be crossed.</summary>
public readonly struct EveryLink : ILinkFilter
{
    public bool Allows(int link) => true;
}

/// <summary>The links a projection's view sees and, when a day is given, valid on it.</summary>
public readonly struct ValidLinks : ILinkFilter
{
    private readonly GraphProjection _projection;
    private readonly int? _day;

    public ValidLinks(GraphProjection projection, int? day)
    {
        _projection = projection;
        _day = day;
    }

    public bool Allows(int link) => _projection.IsValid(link, _day);
}
