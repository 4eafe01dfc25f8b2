using System.Globalization;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Demo;

/// <summary>
/// Reads the hand-written demo dataset (demo-dataset.txt, an embedded resource) into one batch.
/// The file is a set of sections of pipe-separated rows, so that it stays readable and reviewable.
/// </summary>
public static class DemoDataset
{
    private const string ResourceName = "CoopGraph.Graph.Demo.demo-dataset.txt";
    private const string DemoSource = "coopgraph-demo";

    public static GraphBatch Load()
    {
        using var stream = typeof(DemoDataset).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static GraphBatch Parse(string text)
    {
        var nodes = new List<NodeUpsert>();
        var links = new List<LinkUpsert>();
        var section = "";
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']');
                continue;
            }
            var f = line.Split('|').Select(s => s.Trim()).ToArray();
            IReadOnlyList<object> path = ["demo", lineNumber];
            try
            {
                switch (section)
                {
                    case "territories":
                        nodes.Add(new NodeUpsert(Stamp(new Territory { Id = f[0], Code = f[1], Name = f[2], Level = Parse<TerritoryLevel>(f[3]), ParentId = Opt(f[4]) }), path));
                        break;
                    case "themes":
                        nodes.Add(new NodeUpsert(Stamp(new Theme { Id = f[0], Name = f[1], Domain = Parse<PolicyDomain>(f[2]) }), path));
                        break;
                    case "authorities":
                        nodes.Add(Actor(new Authority { Id = f[0], Name = f[1], Level = Parse<AuthorityLevel>(f[2]), Code = Opt(f[3]), Population = Opt(f[4]) is { } p ? long.Parse(p, CultureInfo.InvariantCulture) : null }, path, f[5], f[6], parent: Opt(f[7])));
                        break;
                    case "services":
                        nodes.Add(Actor(new Service { Id = f[0], Name = f[1], Domain = Parse<PolicyDomain>(f[2]) }, path, territory: null, f[4], parent: f[3]));
                        break;
                    case "sse":
                        nodes.Add(Actor(new SseActor { Id = f[0], Name = f[1], LegalForm = Parse<LegalForm>(f[2]) }, path, f[3], f[4]));
                        break;
                    case "universities":
                        nodes.Add(Actor(new University { Id = f[0], Name = f[1], UniversityKind = Parse<UniversityKind>(f[2]) }, path, f[3], f[4]));
                        break;
                    case "labs":
                        nodes.Add(Actor(new InnovationLab { Id = f[0], Name = f[1], Founded = Date(f.ElementAtOrDefault(5)) }, path, f[3], f[4], parent: f[2]));
                        break;
                    case "establishments":
                        nodes.Add(Actor(new Establishment
                        {
                            Id = f[0], Name = f[1], Uai = Opt(f[2]), Category = Parse<EstablishmentCategory>(f[3]), Public = true,
                        }, path, f[5], "", parent: f[4]));
                        break;
                    case "groups":
                        nodes.Add(new NodeUpsert(Stamp(new BeneficiaryGroup { Id = f[0], Name = f[1], Description = Opt(f.ElementAtOrDefault(2)) }), path));
                        break;
                    case "policies":
                        nodes.Add(PolicyRow(f, path));
                        break;
                    case "cooperation":
                        links.Add(LinkRow(new Link
                        {
                            Id = "", Type = LinkType.CooperatesWith, SourceId = f[0], TargetId = f[1],
                            CooperationKind = Parse<CooperationKind>(f[2]), Intensity = int.Parse(f[3], CultureInfo.InvariantCulture),
                            Since = Date(f[4]), Until = Date(f.ElementAtOrDefault(5)), Note = Opt(f.ElementAtOrDefault(6)),
                        }, path));
                        break;
                    case "funds":
                        links.Add(LinkRow(new Link
                        {
                            Id = "", Type = LinkType.Funds, SourceId = f[0], TargetId = f[1], Instrument = Parse<Instrument>(f[2]),
                            Amount = decimal.Parse(f[3], CultureInfo.InvariantCulture), Year = int.Parse(f[4], CultureInfo.InvariantCulture),
                            Domain = Opt(f.ElementAtOrDefault(5)) is { } domain ? Parse<PolicyDomain>(domain) : null,
                        }, path, $"{f[0]}|{f[1]}|{f[4]}"));
                        break;
                    case "applications":
                        links.Add(LinkRow(new Link
                        {
                            Id = "", Type = LinkType.AppliedTo, SourceId = f[0], TargetId = f[1],
                            Year = int.Parse(f[2], CultureInfo.InvariantCulture), Outcome = Parse<ApplicationOutcome>(f[3]),
                        }, path, $"{f[0]}|{f[1]}|{f[2]}"));
                        break;
                    case "implements":
                        links.Add(LinkRow(new Link { Id = "", Type = LinkType.Implements, SourceId = f[0], TargetId = f[1], Since = Date(f.ElementAtOrDefault(2)) }, path));
                        break;
                    case "targets":
                        links.Add(LinkRow(new Link { Id = "", Type = LinkType.Targets, SourceId = f[0], TargetId = f[1] }, path));
                        break;
                    case "involves":
                        links.Add(LinkRow(new Link
                        {
                            Id = "", Type = LinkType.Involves, SourceId = f[0], TargetId = f[1], Stage = Parse<InvolvementStage>(f[2]), Since = Date(f.ElementAtOrDefault(3)),
                        }, path, $"{f[0]}|{f[1]}|{f[2]}"));
                        break;
                    case "members":
                        links.Add(LinkRow(new Link { Id = "", Type = LinkType.MemberOf, SourceId = f[0], TargetId = f[1] }, path));
                        break;
                    default:
                        throw new FormatException($"Unknown section [{section}].");
                }
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException)
            {
                throw new FormatException($"demo-dataset.txt line {lineNumber}: {e.Message}", e);
            }
        }
        return new GraphBatch { Nodes = nodes, Links = links };
    }

    private static NodeUpsert Actor(Node node, IReadOnlyList<object> path, string? territory, string themes, string? parent = null)
    {
        var relations = new List<RelationSet>();
        if (Opt(territory) is { } code)
        {
            relations.Add(new RelationSet(LinkType.LocatedIn, "territoryCode", [code], RefsAreTerritoryCodes: true));
        }
        if (List(themes) is { Count: > 0 } themeIds)
        {
            relations.Add(new RelationSet(LinkType.WorksOn, "themeIds", themeIds));
        }
        if (parent is not null)
        {
            relations.Add(new RelationSet(node is InnovationLab ? LinkType.HostedBy : LinkType.PartOf, "authorityId", [parent]));
        }
        return new NodeUpsert(Stamp(node), path) { Relations = relations };
    }

    private static NodeUpsert PolicyRow(string[] f, IReadOnlyList<object> path)
    {
        var policy = new Policy
        {
            Id = f[0], Name = f[1], Instrument = Parse<Instrument>(f[2]), Domains = List(f[3]).Select(Parse<PolicyDomain>).ToList(),
            Budget = Opt(f[4]) is { } b ? decimal.Parse(b, CultureInfo.InvariantCulture) : null, Start = Date(f[5]), End = Date(f[6]),
        };
        return new NodeUpsert(Stamp(policy), path)
        {
            Relations = [new RelationSet(LinkType.Owns, "ownerId", [f[7]], Incoming: true), new RelationSet(LinkType.Targets, "themeIds", List(f[8]))],
        };
    }

    private static LinkUpsert LinkRow(Link link, IReadOnlyList<object> path, string? distinguisher = null)
    {
        // Repeating types (FUNDS, APPLIED_TO by year, INVOLVES by stage) get their own ids; the others derive theirs from type and ends.
        var id = distinguisher is null
            ? LinkIds.Derive(link.Type, link.SourceId, link.TargetId)
            : $"demo:{LinkTypeNames.ToConstant(link.Type).ToLowerInvariant()}:{distinguisher}";
        return new LinkUpsert(link with { Id = id, Source = DemoSource }, IdWasGiven: distinguisher is not null, path);
    }

    private static T Stamp<T>(T node) where T : Node => node with { Source = DemoSource };

    private static T Parse<T>(string value) where T : struct, Enum =>
        Enum.TryParse<T>(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            ? parsed
            : throw new FormatException($"'{value}' is not a {typeof(T).Name}.");

    private static string? Opt(string? value) => string.IsNullOrWhiteSpace(value) || value == "-" ? null : value;

    private static DateOnly? Date(string? value) => Opt(value) is { } v
        ? (v.Length == 4 ? new DateOnly(int.Parse(v, CultureInfo.InvariantCulture), 1, 1) : DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture))
        : null;

    private static List<string> List(string value) =>
        Opt(value) is { } v ? v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : [];
}
