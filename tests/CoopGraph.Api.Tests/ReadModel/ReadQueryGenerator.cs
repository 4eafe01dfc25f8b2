using System.Text.Json.Nodes;

namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>
/// Random read operations over the schema's entity fields — an actor with its links and neighbours, every listing with
/// every filter, nodes by id, links, search, counts — with ids, codes and page sizes drawn from a graph's own
/// values (and some that match nothing), for comparing two servers answer for answer.
/// </summary>
public sealed class ReadQueryGenerator(int seed, IReadOnlyList<string> actorIds, IReadOnlyList<string> themeIds,
    IReadOnlyList<string> territoryCodes, IReadOnlyList<string> words)
{
    private static readonly string[] ActorKinds = ["AUTHORITY", "SERVICE", "SSE_ACTOR", "UNIVERSITY", "INNOVATION_LAB", "ORGANISATION"];
    private static readonly string[] Domains = ["SOCIAL", "HOUSING", "TRANSPORT", "CULTURE", "EDUCATION", "ECONOMY", "EMPLOYMENT", "HEALTH", "ENVIRONMENT", "RESEARCH"];
    private static readonly string[] LinkTypes = ["COOPERATES_WITH", "FUNDS", "PART_OF", "OWNS", "IMPLEMENTS", "APPLIED_TO", "WORKS_ON", "TARGETS", "LOCATED_IN", "MEMBER_OF", "HOSTED_BY", "INVOLVES"];
    private static readonly string[] CooperationKinds = ["PARTNERSHIP", "CO_CONSTRUCTION", "SHARED_PROJECT", "AGREEMENT", "NETWORK", "CONSORTIUM"];
    private static readonly string[] Instruments = ["SUBSIDY", "CALL_FOR_PROJECTS", "PUBLIC_CONTRACT", "PARTNERSHIP_AGREEMENT", "OTHER"];

    private const string LinkFields = "id type since until kind intensity amount year instrument domain outcome stage note origin privateTo { id } source { id } target { id }";
    private const string ActorFields =
        "id name kind createdAt updatedAt privateTo { id } territory { id code } themes { id name } ... on Service { domain authority { id } direction { id } } " +
        "... on Authority { level services { id } parent { id } } ... on SseActor { legalForm siren }";

    private readonly Random _random = new(seed);

    public (string Query, JsonObject Variables) Next() => _random.Next(9) switch
    {
        0 or 1 => Actor(),
        2 or 3 => Actors(),
        4 => Links(),
        5 => Nodes(),
        6 => Listing(),
        7 => Search(),
        _ => Neighbourhood(),
    };

    private (string, JsonObject) Actor()
    {
        var arguments = Page(15);
        if (Chance(0.4))
        {
            arguments["types"] = Some(LinkTypes, 3);
        }
        return ("query($id: ID!, $types: [LinkType!], $first: Int, $after: String) { actor(id: $id) { " + ActorFields +
                " links(types: $types, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { " + LinkFields + " } } } } }",
            With(arguments, ("id", Id())));
    }

    private (string, JsonObject) Actors()
    {
        var filter = new JsonObject();
        if (Chance(0.5))
        {
            filter["kinds"] = Some(ActorKinds, 2);
        }
        if (Chance(0.3))
        {
            filter["domains"] = Some(Domains, 2);
        }
        if (Chance(0.3))
        {
            filter["themeIds"] = new JsonArray(Pick(themeIds), Pick(themeIds));
        }
        if (Chance(0.6))
        {
            filter["territoryCode"] = Chance(0.05) ? "NOWHERE" : Pick(territoryCodes);
        }
        return ("query($filter: ActorFilter, $first: Int, $after: String) { actors(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { " + ActorFields + " } } }",
            With(Page(40), ("filter", filter)));
    }

    private (string, JsonObject) Links()
    {
        var filter = new JsonObject();
        if (Chance(0.6))
        {
            filter["types"] = Some(LinkTypes, 2);
        }
        if (Chance(0.4))
        {
            filter["nodeId"] = Id();
        }
        if (Chance(0.2))
        {
            filter["kinds"] = Some(CooperationKinds, 2);
        }
        if (Chance(0.2))
        {
            filter["validAt"] = $"{_random.Next(2005, 2027)}-0{_random.Next(1, 10)}-1{_random.Next(0, 10)}";
        }
        if (Chance(0.2))
        {
            filter["fromYear"] = _random.Next(2005, 2026);
        }
        if (Chance(0.2))
        {
            filter["toYear"] = _random.Next(2010, 2027);
        }
        if (Chance(0.15))
        {
            filter["instruments"] = Some(Instruments, 2);
        }
        if (Chance(0.15))
        {
            filter["minAmount"] = _random.Next(0, 50) * 1000;
        }
        if (Chance(0.15))
        {
            filter["maxAmount"] = _random.Next(1, 500) * 1000;
        }
        return ("query($filter: LinkFilter, $first: Int, $after: String) { links(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { " + LinkFields + " } } }",
            With(Page(40), ("filter", filter)));
    }

    private (string, JsonObject) Nodes()
    {
        var ids = new JsonArray();
        for (var i = _random.Next(1, 12); i > 0; i--)
        {
            ids.Add(Id());
        }
        return ("query($ids: [ID!]!, $one: ID!) { nodes(ids: $ids) { id ... on Actor { name kind } } node(id: $one) { id ... on Actor { " + ActorFields + " } ... on Territory { code territoryLevel: level parent { id } } ... on Theme { domain } } }",
            new JsonObject { ["ids"] = ids, ["one"] = Id() });
    }

    private (string, JsonObject) Listing() => _random.Next(3) switch
    {
        0 => ("query($filter: TerritoryFilter, $first: Int, $after: String) { territories(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id code level } } }",
            With(Page(40), ("filter", Chance(0.7) ? new JsonObject { ["withinCode"] = Pick(territoryCodes) } : new JsonObject()))),
        1 => ("query($filter: ThemeFilter, $first: Int, $after: String) { themes(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name domain } } }",
            With(Page(40), ("filter", Chance(0.6) ? new JsonObject { ["domains"] = Some(Domains, 3) } : new JsonObject()))),
        _ => ("query($filter: PolicyFilter, $first: Int, $after: String) { policies(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name instrument } } }",
            With(Page(40), ("filter", Chance(0.5) ? new JsonObject { ["domains"] = Some(Domains, 2) } : Chance(0.5) ? new JsonObject { ["themeIds"] = new JsonArray(Pick(themeIds)) } : new JsonObject()))),
    };

    private (string, JsonObject) Search() =>
        ("query($text: String!, $first: Int) { search(text: $text, first: $first) { id ... on Actor { name kind } } graphStats { nodes links } }",
            new JsonObject { ["text"] = Pick(words), ["first"] = _random.Next(1, 25) });

    private (string, JsonObject) Neighbourhood() =>
        ("query($id: ID!) { actor(id: $id) { id themes { id links(first: 5) { totalCount nodes { id } } } links(first: 5) { nodes { source { id ... on Actor { themes { id } } } target { id ... on Actor { name } } } } } }",
            new JsonObject { ["id"] = Id() });

    private JsonObject Page(int max)
    {
        // Later pages come from following an answer's end cursor (see the test): cursors are the API's own.
        return new JsonObject { ["first"] = _random.Next(0, max + 1) };
    }

    private string Id() => Chance(0.03) ? "nobody:" + _random.Next(1000) : Pick(actorIds);

    private bool Chance(double p) => _random.NextDouble() < p;

    private string Pick(IReadOnlyList<string> values) => values[_random.Next(values.Count)];

    private JsonArray Some(string[] values, int max)
    {
        var picked = new JsonArray();
        foreach (var value in values.OrderBy(_ => _random.Next()).Take(_random.Next(1, max + 1)))
        {
            picked.Add(value);
        }
        return picked;
    }

    private static JsonObject With(JsonObject variables, (string Name, JsonNode? Value) more)
    {
        variables[more.Name] = more.Value;
        return variables;
    }
}
