using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Funding;

/// <summary>The keys a funding summary groups by.</summary>
public enum FundingGroup
{
    Funder,
    BeneficiaryKind,
    Domain,
    Instrument,
    Year,
    Beneficiary,
}

/// <summary>One group: its keys (null where not grouped by, or unknown), the money, the grants and the distinct beneficiaries.</summary>
public sealed record FundingRow(
    int? Funder, NodeKind? BeneficiaryKind, PolicyDomain? Domain, Instrument? Instrument, int? Year, decimal Amount, int Grants, int Beneficiaries,
    int? Beneficiary = null);

/// <param name="Amount">The sum of the amounts given (grants without an amount count as grants, not as money).</param>
public sealed record FundingReport(decimal Amount, int Grants, int Beneficiaries, IReadOnlyList<FundingRow> Rows);

/// <summary>
/// Money by the questions managers ask: which FUNDS links a scope covers, summed by funder, beneficiary kind, domain,
/// instrument, year or beneficiary (its top beneficiaries). With an authority, its funding: the links from the authority, its services and the policies
/// either owns. With another scope, the funding its actors receive (links to an actor in scope). Without a scope, all.
/// A funder's domain is its own (a service's, a policy's); a policy of several domains counts in each, so domain rows
/// may sum to more than the total, which counts each grant once.
/// </summary>
public static class FundingSummary
{
    public static FundingReport Summarise(GraphProjection projection, AnalysisScope scope, IReadOnlyCollection<FundingGroup> groupBy)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(scope);
        var links = Links(projection, scope);
        var byFunder = groupBy.Contains(FundingGroup.Funder);
        var byKind = groupBy.Contains(FundingGroup.BeneficiaryKind);
        var byDomain = groupBy.Contains(FundingGroup.Domain);
        var byInstrument = groupBy.Contains(FundingGroup.Instrument);
        var byYear = groupBy.Contains(FundingGroup.Year);
        var byBeneficiary = groupBy.Contains(FundingGroup.Beneficiary);
        var rows = new Dictionary<(int?, NodeKind?, PolicyDomain?, Instrument?, int?, int?), (decimal Amount, int Grants, HashSet<int> Beneficiaries)>();
        var everyone = new HashSet<int>();
        decimal total = 0;
        foreach (var link in links)
        {
            var funding = projection.FundingOf(link);
            var source = projection.LinkSource[link];
            var target = projection.LinkTarget[link];
            total += funding.Amount ?? 0;
            everyone.Add(target);
            // A funding whose domain is known counts there once; otherwise in each of its funder's own domains.
            IEnumerable<PolicyDomain?> domains = !byDomain ? [null]
                : funding.Domain is { } served ? [served]
                : new DomainSet(projection.OwnDomains[source]).ToList().Select(d => (PolicyDomain?)d).DefaultIfEmpty(null);
            foreach (var domain in domains)
            {
                var key = (
                    byFunder ? source : (int?)null,
                    byKind ? projection.Kinds[target] : (NodeKind?)null,
                    domain,
                    byInstrument ? funding.Instrument : null,
                    byYear ? funding.Year : null,
                    byBeneficiary ? target : (int?)null);
                var row = rows.TryGetValue(key, out var known) ? known : (Amount: 0m, Grants: 0, Beneficiaries: new HashSet<int>());
                row.Beneficiaries.Add(target);
                rows[key] = (row.Amount + (funding.Amount ?? 0), row.Grants + 1, row.Beneficiaries);
            }
        }
        var ordered = rows
            .Select(r => new FundingRow(r.Key.Item1, r.Key.Item2, r.Key.Item3, r.Key.Item4, r.Key.Item5, r.Value.Amount, r.Value.Grants, r.Value.Beneficiaries.Count, r.Key.Item6))
            .OrderByDescending(r => r.Amount).ThenByDescending(r => r.Grants)
            .ThenBy(r => r.Year).ThenBy(r => r.Funder is { } f ? projection.Ids[f] : "", StringComparer.Ordinal)
            .ThenBy(r => r.Domain).ThenBy(r => r.Instrument).ThenBy(r => r.BeneficiaryKind)
            .ThenBy(r => r.Beneficiary is { } b ? projection.Ids[b] : "", StringComparer.Ordinal)
            .ToList();
        return new FundingReport(total, links.Count, everyone.Count, ordered);
    }

    /// <summary>The FUNDS links the scope covers that the viewer sees, valid on the scope's day.</summary>
    private static List<int> Links(GraphProjection projection, AnalysisScope scope)
    {
        bool[]? funders = null;
        bool[]? beneficiaries = null;
        if (scope.AuthorityId is { } authorityId)
        {
            funders = FundersOf(projection, ScopeResolver.Require(projection, authorityId, NodeKind.Authority, "authority"));
        }
        if (!(scope with { AuthorityId = null }).KeepsEveryActor)
        {
            beneficiaries = new bool[projection.NodeCount];
            foreach (var member in ScopeResolver.Members(projection, scope with { AuthorityId = null }))
            {
                beneficiaries[member] = true;
            }
        }
        var links = new List<int>();
        foreach (var link in projection.FundingLinks)
        {
            var source = projection.LinkSource[link];
            var target = projection.LinkTarget[link];
            if ((funders is null || funders[source]) && (beneficiaries is null || beneficiaries[target])
                && projection.SeesLink(link) && projection.Sees(source) && projection.Sees(target) && projection.IsValid(link, scope.Day))
            {
                links.Add(link);
            }
        }
        return links;
    }

    /// <summary>The authority, its services, and the policies either owns.</summary>
    private static bool[] FundersOf(GraphProjection projection, int authority)
    {
        var funders = new bool[projection.NodeCount];
        int[] owners = [authority, .. ScopeResolver.Services(projection, authority)];
        foreach (var owner in owners)
        {
            funders[owner] = true;
            foreach (var policy in projection.Out[(int)LinkType.Owns].Neighbours(owner))
            {
                funders[policy] = true;
            }
        }
        return funders;
    }
}
