using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Domain.Analytics.Funding;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class FundingGroupType : EnumerationGraphType<FundingGroup>
{
    public FundingGroupType()
    {
        Description = "What a funding summary groups by.";
        this.Describe(new Dictionary<FundingGroup, string>
        {
            [FundingGroup.Funder] = "The funding actor or policy (the link's source).",
            [FundingGroup.BeneficiaryKind] = "The kind of the beneficiary (the link's target).",
            [FundingGroup.Domain] = "The domain the funding serves when the link says it (given, or read from the grant's purpose); else the funder's own domain (a service's, a policy's): a funder of several domains counts in each, one without in none (null).",
            [FundingGroup.Instrument] = "The link's instrument (SUBSIDY, CALL_FOR_PROJECTS, PUBLIC_CONTRACT…).",
            [FundingGroup.Year] = "The link's year (else its start date's).",
            [FundingGroup.Beneficiary] = "The funded actor (the link's target): the top beneficiaries come first.",
        });
    }
}

public sealed class FundingSummaryType : ObjectGraphType<Projected<FundingReport>>
{
    public FundingSummaryType()
    {
        Name = "FundingSummary";
        Description = "The FUNDS links of a scope, summed, and grouped as asked.";
        Field<NonNullGraphType<DecimalGraphType>>("amount").Description("Euros, summed over every link (links without an amount count as grants, not as money).").Resolve(c => c.Source.Value.Amount);
        Field<NonNullGraphType<IntGraphType>>("grants").Description("FUNDS links: one per grant or contract.").Resolve(c => c.Source.Value.Grants);
        Field<NonNullGraphType<IntGraphType>>("beneficiaries").Description("Distinct beneficiaries.").Resolve(c => c.Source.Value.Beneficiaries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundingRowType>>>>("groups")
            .Description("One row per combination of the groupBy keys, by amount descending (then grants, year, funder id).")
            .Argument<IntGraphType>("first", a => { a.Description = "How many rows, 0 to 1,000."; a.DefaultValue = 100; })
            .Resolve(c =>
            {
                var first = c.GetArgument<int?>("first") ?? 100;
                if (first is < 0 or > 1_000)
                {
                    throw BadInput.Error($"'first' must be between 0 and 1000 (got {first}).");
                }
                return c.Source.Value.Rows.Take(first).Select(r => new Projected<FundingRow>(c.Source.Projection, r));
            });
    }
}

public sealed class FundingRowType : ObjectGraphType<Projected<FundingRow>>
{
    public FundingRowType()
    {
        Name = "FundingRow";
        Description = "One group of a funding summary; the keys not grouped by are null.";
        Field<NodeInterface>("funder").Description("FUNDER: the funding actor or policy.")
            .Resolve(c => c.Source.Value.Funder is { } funder ? c.Loaders().Node(c.Source.Projection.Ids[funder]) : null);
        Field<NodeInterface>("beneficiary").Description("BENEFICIARY: the funded actor.")
            .Resolve(c => c.Source.Value.Beneficiary is { } beneficiary ? c.Loaders().Node(c.Source.Projection.Ids[beneficiary]) : null);
        Field<NodeKindType>("beneficiaryKind").Description("BENEFICIARY_KIND.").Resolve(c => c.Source.Value.BeneficiaryKind);
        Field<PolicyDomainType>("domain").Description("DOMAIN: null for fundings whose domain is not known and whose funder has none of its own.").Resolve(c => c.Source.Value.Domain);
        Field<InstrumentType>("instrument").Description("INSTRUMENT.").Resolve(c => c.Source.Value.Instrument);
        Field<IntGraphType>("year").Description("YEAR.").Resolve(c => c.Source.Value.Year);
        Field<NonNullGraphType<DecimalGraphType>>("amount").Description("Euros.").Resolve(c => c.Source.Value.Amount);
        Field<NonNullGraphType<IntGraphType>>("grants").Description("Links in the group.").Resolve(c => c.Source.Value.Grants);
        Field<NonNullGraphType<IntGraphType>>("beneficiaries").Description("Distinct beneficiaries in the group.").Resolve(c => c.Source.Value.Beneficiaries);
    }
}
