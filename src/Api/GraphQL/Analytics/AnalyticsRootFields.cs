using System.Globalization;
using System.Text.Json;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Links;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Domain.Analytics.Centrality;
using CoopGraph.Domain.Analytics.Communities;
using CoopGraph.Domain.Analytics.Competition;
using CoopGraph.Domain.Analytics.Funding;
using CoopGraph.Domain.Analytics.Gaps;
using CoopGraph.Domain.Analytics.Labs;
using CoopGraph.Domain.Analytics.Participation;
using CoopGraph.Domain.Analytics.Paths;
using CoopGraph.Domain.Analytics.Ranking;
using CoopGraph.Domain.Analytics.Reach;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Transversality;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

/// <summary>The analytics root fields (design §3), computed on the in-memory projection of the current store version.</summary>
public static class AnalyticsRootFields
{
    public const int MaxBrokers = 1_000;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<TransversalityReportType>>("transversality")
            .Description("How far an authority's services cooperate across their domains (see TransversalityReport for the definitions).")
            .Argument<NonNullGraphType<IdGraphType>>("authorityId", "The authority's id.")
            .Argument<DateType>("asOf", a => a.Description = "Only links valid on this day count.")
            .Argument<IdGraphType>("surveyId", "Only the cooperation links this survey of the authority declared count (its dashboard); other link types are unchanged.")
            .Argument<BooleanGraphType>("confirmedOnly", a =>
            {
                a.Description = "With surveyId: only the links both ends declared.";
                a.DefaultValue = false;
            })
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var authority = ScopeResolver.Require(projection, c.GetArgument<string>("authorityId"), NodeKind.Authority, "authority");
                if (c.GetArgument<string?>("surveyId") is { } surveyId)
                {
                    projection = await Surveys.SurveyProjection.RestrictAsync(c, projection, surveyId, c.GetArgument<string>("authorityId"), c.GetArgument<bool>("confirmedOnly"));
                }
                return new Projected<TransversalityReport>(projection, TransversalityAnalysis.Report(projection, authority, c.GetArgument<DateOnly?>("asOf")?.DayNumber));
            });

        query.Field<NonNullGraphType<LinkConnectionType>>("transversalLinks")
            .Description("The transversal links of the scope's cooperation graph: COOPERATES_WITH links whose ends both have domains and share none.")
            .ScopeArgument()
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var scope = c.ReadScope();
                var page = c.ReadPage();
                var links = TransversalLinks.Find(projection, ScopeResolver.Members(projection, scope), scope.Day);
                var start = 0;
                if (page.After is { } after)
                {
                    // The projection keeps no index of link ids (ten million at national scale): the cursor is looked for
                    // among this listing's links only.
                    var position = projection.LinkIds.IndexAmong(after, links);
                    start = position >= 0 ? position + 1 : throw BadInput.Error("'after' is not a link of this listing.");
                }
                var slice = links.Skip(start).Take(page.First).Select(l => projection.LinkIds[l]).ToList();
                var loaded = (await (await c.ReaderAsync()).GetLinksAsync(c.Viewer(), slice, c.CancellationToken)).ToDictionary(l => l.Id, StringComparer.Ordinal);
                var items = slice.Where(loaded.ContainsKey).Select(id => new PageItem<Link>(loaded[id], id)).ToList();
                return new Page<Link>(items, links.Length, start + page.First < links.Length);
            });

        query.Field<NonNullGraphType<CooperationGapConnectionType>>("cooperationGaps")
            .Description("Pairs of actors in scope that do not cooperate (at asOf) but have reasons to, best first: score descending, then source id, then target id. " +
                "The score is the sum of the reasons' weights: SHARED_THEME adds 1/ln(n) for each shared theme, n being the actors of the scope working on it " +
                "(Adamic-Adar over the theme graph); COMMON_PARTNER 1/ln(d) for each common cooperation partner of degree d in the scope (Adamic-Adar); " +
                "SHARED_POLICY 1/ln(n) for each policy both implement or applied to, n its participants in scope; SHARED_FUNDER 1/ln(n) for each funder of both, " +
                "n its beneficiaries in scope; SAME_TERRITORY 0.25 when both are located in the same territory. Candidates come only from shared themes, policies, " +
                "funders and common partners (those shared by more than 5,000 actors generate no candidates but still count in scores).")
            .ScopeArgument()
            .PageArguments()
            .Argument<FloatGraphType>("minScore", a => a.Description = "Only gaps scoring at least this much.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("involving", a => a.Description =
                $"Only gaps with at least one end among these actors (an authority's services, for the gaps that concern them first); at most {MaxGapEnds}.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("notInvolving", a => a.Description =
                $"Only gaps with neither end among these actors (the gaps between partners); at most {MaxGapEnds}.")
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var scope = c.ReadScope();
                var page = c.ReadPage();
                var options = new GapOptions
                {
                    First = page.First, After = ParseGapCursor(page.After), MinScore = c.GetArgument<double?>("minScore") ?? 0,
                    Involving = GapEnds(c, projection, "involving"), NotInvolving = GapEnds(c, projection, "notInvolving"),
                };
                var prepared = c.AnalysisCache().GetOrAdd(projection, scope.Key,
                    () => CooperationGaps.Prepare(projection, ScopeResolver.Members(projection, scope), scope.Day));
                var gaps = prepared.Find(options);
                var items = gaps.Items.Select(g => new PageItem<Projected<CooperationGap>>(new Projected<CooperationGap>(projection, g), GapCursorText(projection, g))).ToList();
                return new Page<Projected<CooperationGap>>(items, gaps.TotalCount, gaps.HasNextPage);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DomainGapType>>>>("domainGaps")
            .Description("The authority's uncovered domain pairs whose services, or the policies they own, share themes; most shared themes first.")
            .Argument<NonNullGraphType<IdGraphType>>("authorityId", "The authority's id.")
            .Argument<DateType>("asOf", "Only links valid on this day count.")
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var authority = ScopeResolver.Require(projection, c.GetArgument<string>("authorityId"), NodeKind.Authority, "authority");
                return DomainGaps.Find(projection, authority, c.GetArgument<DateOnly?>("asOf")?.DayNumber).Select(g => new Projected<DomainGap>(projection, g));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetitionHotspotType>>>>("competitionHotspots")
            .Description($"Calls for projects (instrument CALL_FOR_PROJECTS) with at least {CompetitionHotspots.MinApplicants} applicants in scope whose applicants rarely cooperate " +
                "(a share of cooperating applicant pairs at most maxCooperatingShare), ranked by that share, lowest first (then more applicants, then id).")
            .ScopeArgument()
            .FirstArgument(10, Paging.Paging.MaxFirst)
            .Argument<FloatGraphType>("maxCooperatingShare", a =>
            {
                a.Description = $"Only calls where at most this share of applicant pairs cooperate, 0 to 1 (default {CompetitionHotspots.DefaultMaxCooperatingShare}: " +
                    "where most applicants already work together, a call does not set them against each other); 1 lists every call.";
                a.DefaultValue = CompetitionHotspots.DefaultMaxCooperatingShare;
            })
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var scope = c.ReadScope();
                var first = c.ReadFirst(10, Paging.Paging.MaxFirst);
                var maxShare = c.GetArgument<double?>("maxCooperatingShare") ?? CompetitionHotspots.DefaultMaxCooperatingShare;
                if (maxShare is < 0 or > 1 || double.IsNaN(maxShare))
                {
                    throw BadInput.Error($"'maxCooperatingShare' must be between 0 and 1 (got {maxShare}).");
                }
                var members = scope.KeepsEveryActor ? null : ScopeResolver.Members(projection, scope).ToHashSet();
                return CompetitionHotspots.Find(projection, members, scope.Day)
                    .Where(h => h.CooperatingPairShare <= maxShare)
                    .Take(first).Select(h => new Projected<CompetitionHotspot>(projection, h));
            });

        query.Field<NonNullGraphType<FundingSummaryType>>("fundingSummary")
            .Description("Money by the questions managers ask: the FUNDS links of a scope, summed and grouped. With authorityId, the authority's own funding " +
                "(links from it, its services and the policies either owns; other scope fields then narrow the beneficiaries); with another scope, the funding " +
                "its actors receive; without one, all. asOf keeps the links valid that day. Each grant or contract is one link; amounts are in euros.")
            .ScopeArgument()
            .Argument<ListGraphType<NonNullGraphType<FundingGroupType>>>("groupBy", a => a.Description = "The keys to group by (none: one row, the total).")
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var groupBy = c.GetArgument<List<FundingGroup>?>("groupBy") ?? [];
                return new Projected<FundingReport>(projection, FundingSummary.Summarise(projection, c.ReadScope(), groupBy));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorityRankType>>>>("authorityRanking")
            .Description("Authorities whose services cooperate the most: service links (as in TransversalityReport) descending, then services descending, then id. " +
                "The explorer opens on the first; a starting list for transversality reports.")
            .FirstArgument(10, Paging.Paging.MaxFirst)
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var first = c.ReadFirst(10, Paging.Paging.MaxFirst);
                return AuthorityRanking.MostCooperative(projection, first).Select(r => new Projected<AuthorityRank>(projection, r));
            });

        query.Field<PathGraphType>("path")
            .Description("A shortest path between two nodes over links of the given types, walked in either direction; null when there is none within maxHops.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "The id of the node the path starts from.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "The id of the node the path ends at.")
            .Argument<ListGraphType<NonNullGraphType<LinkTypeType>>>("linkTypes", a => a.Description = "Default: COOPERATES_WITH only.")
            .Argument<IntGraphType>("maxHops", a => { a.Description = $"1 to {PathFinder.MaxMaxHops}."; a.DefaultValue = PathFinder.DefaultMaxHops; })
            .Argument<DateType>("asOf", a => a.Description = "Only links valid on this day.")
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var maxHops = c.GetArgument<int?>("maxHops") ?? PathFinder.DefaultMaxHops;
                if (maxHops is < 1 or > PathFinder.MaxMaxHops)
                {
                    throw BadInput.Error($"'maxHops' must be between 1 and {PathFinder.MaxMaxHops}.");
                }
                int Find(string argument) => projection.Find(c.GetArgument<string>(argument)) ?? throw BadInput.Error($"No node has id '{c.GetArgument<string>(argument)}'.");
                var types = c.GetArgument<List<LinkType>?>("linkTypes") is { Count: > 0 } given ? given : [LinkType.CooperatesWith];
                var path = PathFinder.Find(projection, Find("from"), Find("to"), types, maxHops, c.GetArgument<DateOnly?>("asOf")?.DayNumber);
                return path is null ? null : new Projected<FoundPath>(projection, path);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BrokerScoreType>>>>("brokers")
            .Description($"Actors by betweenness on the scope's cooperation graph, highest first, then by id. Exact up to {Betweenness.DefaultExactLimit} actors in scope, estimated above (see exact and errorBound, also given once in the response's extensions.brokers).")
            .ScopeArgument()
            .FirstArgument(20, MaxBrokers)
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var scope = c.ReadScope();
                var first = c.ReadFirst(20, MaxBrokers);
                var report = c.AnalysisCache().GetOrAdd(projection, scope.Key, () => Brokers.Compute(projection, ScopeResolver.Members(projection, scope), scope.Day));
                // How the scores were computed, once for the answer (each BrokerScore repeats exact and errorBound).
                c.OutputExtensions["brokers"] = new Dictionary<string, object?>
                {
                    ["exact"] = report.Exact,
                    ["sources"] = report.Sources,
                    ["errorBound"] = report.ErrorBound,
                    ["actors"] = report.Actors,
                    ["links"] = report.Links,
                };
                return report.Ranked.Take(first).Select(b => new BrokerView(projection, b, report));
            });

        query.Field<NonNullGraphType<ScopeNetworkType>>("scopeNetwork")
            .Description("The network of a scope (a territory, kinds, themes…): its actors, the policies linked to them and the links among all of these, " +
                "the most linked nodes first. What a territory's view draws where the graph names no services.")
            .ScopeArgument()
            .Argument<ListGraphType<NonNullGraphType<LinkTypeType>>>("linkTypes", a => a.Description = "Link types that make the network. Default: every type.")
            .FirstArgument(DefaultNetworkNodes, MaxNetworkNodes)
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var scope = c.ReadScope();
                var first = c.ReadFirst(DefaultNetworkNodes, MaxNetworkNodes);
                IReadOnlyCollection<LinkType> types = c.GetArgument<List<LinkType>?>("linkTypes") is { Count: > 0 } given ? given.Distinct().Order().ToList() : Enum.GetValues<LinkType>();
                var key = $"{scope.Key}|{string.Join(',', types)}|{first}";
                var report = c.AnalysisCache().GetOrAdd(projection, key,
                    () => ScopeNetwork.Compute(projection, ScopeResolver.Members(projection, scope), types, scope.Day, first));
                return new Projected<ScopeNetworkReport>(projection, report);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryActorsType>>>>("territoryRanking")
            .Description("The territories one level below withinCode (the top of the territorial tree when absent) that hold actors, " +
                "by the number of actors located in them or below, most first, then by id: where the graph knows most, level by level.")
            .Argument<StringGraphType>("withinCode", a => a.Description = "The code of the territory whose children are ranked.")
            .FirstArgument(20, Paging.Paging.MaxFirst)
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                int? parent = null;
                if (c.GetArgument<string?>("withinCode") is { } code)
                {
                    parent = projection.TerritoryByCode.TryGetValue(code, out var found) && projection.Sees(found)
                        ? found : throw BadInput.Error($"No territory has code '{code}'.");
                }
                var actors = c.AnalysisCache().GetOrAdd(projection, "territory-actors", () => TerritoryRanking.ActorsWithin(projection));
                var ranking = c.AnalysisCache().GetOrAdd(projection, $"territories|{parent}", () => TerritoryRanking.Below(projection, parent, actors));
                return ranking.Take(c.ReadFirst(20, Paging.Paging.MaxFirst)).Select(t => new Projected<TerritoryActors>(projection, t));
            });

        query.Field<NonNullGraphType<ReachType>>("reach")
            .Description("Change of scale: from a policy, or a service with the policies it owns, the actors it reaches through the via link types, " +
                "the share of the responsible authorities' establishments reached, those that took it up, and adoption by year.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "A policy or a service.")
            .Argument<ListGraphType<NonNullGraphType<LinkTypeType>>>("via", a => a.Description = "Link types that reach. Default: TARGETS and IMPLEMENTS.")
            .Argument<DateType>("asOf", a => a.Description = "Only links valid on this day.")
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var id = c.GetArgument<string>("from");
                var from = projection.Find(id) ?? throw BadInput.Error($"No node has id '{id}'.");
                if (projection.Kinds[from] is not (NodeKind.Policy or NodeKind.Service))
                {
                    throw BadInput.Error($"'{id}' is a {projection.Kinds[from]}: reach starts from a policy or a service.");
                }
                IReadOnlyCollection<LinkType> via = c.GetArgument<List<LinkType>?>("via") is { Count: > 0 } given ? given.Distinct().ToList() : ReachAnalysis.DefaultVia;
                return new Projected<ReachReport>(projection, ReachAnalysis.Compute(projection, from, via, c.GetArgument<DateOnly?>("asOf")?.DayNumber));
            });

        query.Field<NonNullGraphType<InstrumentEffectType>>("instrumentEffect")
            .Description("Instruments judged by the cooperation they cause: among a policy's applicants and beneficiaries, the share of pairs that cooperate " +
                "in the years before it starts and from its start, against the same for matched actors outside it (see InstrumentEffect).")
            .Argument<NonNullGraphType<IdGraphType>>("policyId", "The policy.")
            .Argument<IntGraphType>("years", a => { a.Description = $"The length of each window, 1 to {InstrumentEffects.MaxYears}."; a.DefaultValue = InstrumentEffects.DefaultYears; })
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var years = ReadYears(c);
                var id = c.GetArgument<string>("policyId");
                if (projection.Find(id) is not { } policy || projection.Kinds[policy] != NodeKind.Policy)
                {
                    throw BadInput.Error($"No policy has id '{id}'.");
                }
                var starts = await StartYearsAsync(c, projection, [policy]);
                return new Projected<InstrumentEffect>(projection, InstrumentEffects.Measure(projection, policy, starts.GetValueOrDefault(policy), years));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstrumentSummaryType>>>>("instrumentComparison")
            .Description("instrumentEffect for every policy with a participant in scope, by instrument (in Instrument order): which instruments are followed by more cooperation.")
            .ScopeArgument()
            .Argument<IntGraphType>("years", a => { a.Description = $"The length of each window, 1 to {InstrumentEffects.MaxYears}."; a.DefaultValue = InstrumentEffects.DefaultYears; })
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var years = ReadYears(c);
                var scope = c.ReadScope();
                var members = scope.KeepsEveryActor ? null : ScopeResolver.Members(projection, scope).ToHashSet();
                var policies = Enumerable.Range(0, projection.NodeCount).Where(n => projection.Kinds[n] == NodeKind.Policy && projection.Sees(n)).ToList();
                var starts = await StartYearsAsync(c, projection, policies);
                return InstrumentEffects.Compare(projection, members, starts, years).Select(s => new Projected<InstrumentSummary>(projection, s));
            });

        query.Field<LabBalanceType>("labBalance")
            .Description("A lab's balance between one foot inside (cooperation with its hosts' services) and one foot outside (with every other actor), and its trend.")
            .Argument<NonNullGraphType<IdGraphType>>("labId", "The innovation lab.")
            .Argument<DateType>("asOf", a => a.Description = "Only links valid on this day; the trend ends that year.")
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var id = c.GetArgument<string>("labId");
                if (projection.Find(id) is not { } lab || projection.Kinds[lab] != NodeKind.InnovationLab)
                {
                    return null;
                }
                var asOf = c.GetArgument<DateOnly?>("asOf");
                return (await LabBalancesAsync(c, projection, [lab], asOf)).Single();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LabBalanceType>>>>("labs")
            .Description("The labs in scope, most balanced first (smallest imbalance), labs without cooperation links last, then by id; each with its trend.")
            .ScopeArgument()
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var scope = c.ReadScope();
                var members = scope.KeepsEveryActor ? null : ScopeResolver.Members(projection, scope).ToHashSet();
                var asOf = scope.Day is { } day ? DateOnly.FromDayNumber(day) : (DateOnly?)null;
                var balances = await LabBalancesAsync(c, projection, LabBalances.Labs(projection, members).ToList(), asOf);
                return balances
                    .OrderBy(b => b.Value.Imbalance is null).ThenBy(b => b.Value.Imbalance)
                    .ThenBy(b => projection.Ids[b.Value.Lab], StringComparer.Ordinal);
            });

        query.Field<NonNullGraphType<ParticipationType>>("participation")
            .Description("Users involved upstream: the share of the policies in scope that involved groups of beneficiaries at each stage, before deployment, " +
                "or at evaluation only, by domain and by instrument.")
            .ScopeArgument()
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var scope = c.ReadScope();
                var members = scope.KeepsEveryActor ? null : ScopeResolver.Members(projection, scope).ToHashSet();
                var policies = ParticipationSummary.Policies(projection, members);
                // Every policy's INVOLVES links asked together, so that the loader batches them rather than one read per policy.
                var pages = await Task.WhenAll(policies.Select(p =>
                    c.Loaders().LinksOf(projection.Ids[p], [LinkType.Involves], new PageRequest(Paging.Paging.MaxFirst)).GetResultAsync(c.CancellationToken)));
                var stages = new Dictionary<int, IReadOnlySet<InvolvementStage>>();
                for (var i = 0; i < policies.Length; i++)
                {
                    stages[policies[i]] = (pages[i]?.Items ?? []).Select(item => item.Item)
                        .Where(l => l.Stage is not null && (scope.Day is not { } day || ((l.Since?.DayNumber ?? int.MinValue) <= day && day <= (l.Until?.DayNumber ?? int.MaxValue))))
                        .Select(l => l.Stage!.Value).ToHashSet();
                }
                return ParticipationSummary.Summarise(projection, policies, stages);
            });

        query.Field<NonNullGraphType<CommunityReportType>>("communities")
            .Description("Communities of the scope's cooperation graph (Louvain modularity, deterministic) and how far they follow the policy domains.")
            .ScopeArgument()
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var scope = c.ReadScope();
                var report = c.AnalysisCache().GetOrAdd(projection, scope.Key, () => CommunityDetection.Compute(projection, ScopeResolver.Members(projection, scope), scope.Day));
                return new Projected<CommunityReport>(projection, report);
            });
    }

    private static string GapCursorText(Domain.Analytics.Projection.GraphProjection projection, CooperationGap gap) =>
        JsonSerializer.Serialize(new object[] { gap.Score.ToString("R", CultureInfo.InvariantCulture), projection.Ids[gap.Source], projection.Ids[gap.Target] });

    public const int MaxGapEnds = 1_000;

    private static int ReadYears(IResolveFieldContext c) =>
        (c.GetArgument<int?>("years") ?? InstrumentEffects.DefaultYears) is var years and >= 1 and <= InstrumentEffects.MaxYears
            ? years
            : throw BadInput.Error($"'years' must be between 1 and {InstrumentEffects.MaxYears}.");

    /// <summary>
    /// The labs' balances: their founding dates and their hosts' decision-making services are read from the store (the
    /// projection keeps the graph's shape, not these marks).
    /// </summary>
    private static async Task<List<Projected<LabBalance>>> LabBalancesAsync(IResolveFieldContext c, GraphProjection projection, IReadOnlyList<int> labs, DateOnly? asOf)
    {
        var day = asOf?.DayNumber;
        var toYear = (asOf ?? DateOnly.FromDateTime(DateTime.UtcNow)).Year;
        // The labs and their hosts' services asked together, so that the request's loader batches them rather than one read per lab.
        var services = labs.ToDictionary(lab => lab, lab => LabBalances.HostServices(projection, lab, null));
        var ids = labs.Concat(services.Values.SelectMany(s => s)).Distinct().ToList();
        var loaded = await Task.WhenAll(ids.Select(id => c.Loaders().Node(projection.Ids[id]).GetResultAsync(c.CancellationToken)));
        var nodes = ids.Zip(loaded).ToDictionary(p => p.First, p => p.Second);
        return labs.Select(lab =>
        {
            // Every host service of any year of the trend: the mark is a property of the service, not of a day.
            var deciding = services[lab].Where(s => nodes[s] is Service { DecisionMaking: true }).ToHashSet();
            var founded = (nodes[lab] as InnovationLab)?.Founded?.Year;
            return new Projected<LabBalance>(projection, LabBalances.Compute(projection, lab, day, deciding, founded, toYear));
        }).ToList();
    }

    /// <summary>The policies' start years, read from the store: the projection keeps the graph's shape, not policies' dates.</summary>
    private static async Task<Dictionary<int, int>> StartYearsAsync(IResolveFieldContext c, GraphProjection projection, IReadOnlyList<int> policies)
    {
        var loaded = await Task.WhenAll(policies.Select(p => c.Loaders().Node(projection.Ids[p]).GetResultAsync(c.CancellationToken)));
        var starts = new Dictionary<int, int>();
        for (var i = 0; i < policies.Count; i++)
        {
            if (loaded[i] is Policy { Start: { } start })
            {
                starts[policies[i]] = start.Year;
            }
        }
        return starts;
    }

    public const int DefaultNetworkNodes = 500;

    /// <summary>Enough for a département's actors drawn at once; a région's are read by kind or theme.</summary>
    public const int MaxNetworkNodes = 5_000;

    /// <summary>The nodes an argument names, as this view sees them (an id it does not see names nothing); null when absent.</summary>
    private static HashSet<int>? GapEnds(IResolveFieldContext c, GraphProjection projection, string argument)
    {
        if (c.GetArgument<List<string>?>(argument) is not { } ids)
        {
            return null;
        }
        if (ids.Count > MaxGapEnds)
        {
            throw BadInput.Error($"'{argument}' names at most {MaxGapEnds} actors (got {ids.Count}).");
        }
        return ids.Select(projection.Find).OfType<int>().ToHashSet();
    }

    private static GapCursor? ParseGapCursor(string? text)
    {
        if (text is null)
        {
            return null;
        }
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(text);
            if (parts is [var score, var source, var target] && double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return new GapCursor(value, source, target);
            }
        }
        catch (JsonException)
        {
        }
        throw BadInput.Error("'after' is not a cursor of this listing.");
    }
}
