namespace CoopGraph.Domain.Generation;

/// <summary>The sizes the generator draws; see <see cref="GraphGenerator"/> for the model.</summary>
public sealed record GeneratorScale
{
    public required string Name { get; init; }
    public required int Regions { get; init; }
    public required int DepartementsPerRegion { get; init; }
    public required int CommunesPerDepartement { get; init; }

    /// <summary>Mean number of SSE organisations located in a commune.</summary>
    public required double SsePerCommune { get; init; }

    /// <summary>Mean number of cooperation partners an actor seeks (the mean degree is about twice this).</summary>
    public required double CooperationsPerActor { get; init; }

    public int Themes { get; init; } = 60;

    /// <summary>About 400 actors and 1,500 links.</summary>
    public static GeneratorScale Demo { get; } = new() { Name = "demo", Regions = 1, DepartementsPerRegion = 2, CommunesPerDepartement = 10, SsePerCommune = 14, CooperationsPerActor = 1.6 };

    /// <summary>About 50,000 actors and 300,000 links: one large region.</summary>
    public static GeneratorScale Region { get; } = new() { Name = "region", Regions = 1, DepartementsPerRegion = 12, CommunesPerDepartement = 350, SsePerCommune = 8.3, CooperationsPerActor = 3.0 };

    /// <summary>About 100,000 actors and 1,000,000 links: the size the projection's memory is reported at.</summary>
    public static GeneratorScale Large { get; } = new() { Name = "large", Regions = 2, DepartementsPerRegion = 12, CommunesPerDepartement = 350, SsePerCommune = 8.3, CooperationsPerActor = 7.3 };

    /// <summary>About 1,000,000 nodes and 10,000,000 links: a national map.</summary>
    public static GeneratorScale National { get; } = new() { Name = "national", Regions = 13, DepartementsPerRegion = 8, CommunesPerDepartement = 340, SsePerCommune = 25, CooperationsPerActor = 7.2 };

    public static GeneratorScale Parse(string name) => name.ToLowerInvariant() switch
    {
        "demo" => Demo,
        "region" => Region,
        "large" => Large,
        "national" => National,
        _ => throw new ArgumentException($"Unknown scale '{name}': demo, region, large or national.", nameof(name)),
    };
}
