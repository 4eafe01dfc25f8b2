using CoopGraph.Api.GraphQL.BeneficiaryGroups;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Analytics.Participation;
using CoopGraph.Domain.Model;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class ParticipationType : ObjectGraphType<ParticipationReport>
{
    public ParticipationType()
    {
        Name = "Participation";
        Description = "Whether policies bring their beneficiaries' expertise upstream (reframing, design, test) or only once they run.";
        Field<NonNullGraphType<IntGraphType>>("policies").Description("Policies in scope: those an actor in scope OWNS (every policy without a scope).").Resolve(c => c.Source.Policies);
        Field<NonNullGraphType<IntGraphType>>("involving").Description("Those that INVOLVE a group of beneficiaries at some stage.").Resolve(c => c.Source.Involving);
        Field<NonNullGraphType<IntGraphType>>("upstream").Description("Those that involve one before deployment: at REFRAMING, DESIGN or TEST.").Resolve(c => c.Source.Upstream);
        Field<FloatGraphType>("upstreamShare").Description("upstream / policies; null without policies.").Resolve(c => c.Source.Policies == 0 ? null : (double)c.Source.Upstream / c.Source.Policies);
        Field<NonNullGraphType<IntGraphType>>("evaluationOnly").Description("Those that involve beneficiaries at EVALUATION only: consulted once everything is decided.").Resolve(c => c.Source.EvaluationOnly);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StageCountType>>>>("byStage").Description("Policies involving beneficiaries at each stage, in stage order (a policy counts at each of its stages).")
            .Resolve(c => c.Source.ByStage.Select(s => new StageCount(s.Stage, s.Policies, c.Source.Policies)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipationByDomainType>>>>("byDomain").Description("By domain, in domain order (a policy counts in each of its domains).")
            .Resolve(c => c.Source.ByDomain);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipationByInstrumentType>>>>("byInstrument").Description("By instrument, in instrument order.")
            .Resolve(c => c.Source.ByInstrument);
    }
}

public sealed record StageCount(InvolvementStage Stage, int Policies, int Of);

public sealed class StageCountType : ObjectGraphType<StageCount>
{
    public StageCountType()
    {
        Name = "StageCount";
        Description = "Policies involving beneficiaries at one stage.";
        Field<NonNullGraphType<InvolvementStageType>>("stage").Description("The stage.").Resolve(c => c.Source.Stage);
        Field<NonNullGraphType<IntGraphType>>("policies").Description("Policies involving beneficiaries at this stage.").Resolve(c => c.Source.Policies);
        Field<FloatGraphType>("share").Description("policies / the policies in scope; null without policies.").Resolve(c => c.Source.Of == 0 ? null : (double)c.Source.Policies / c.Source.Of);
    }
}

public sealed class ParticipationByDomainType : ObjectGraphType<(PolicyDomain Domain, ParticipationRow Row)>
{
    public ParticipationByDomainType()
    {
        Name = "ParticipationByDomain";
        Description = "The policies of one domain.";
        Field<NonNullGraphType<PolicyDomainType>>("domain").Description("The domain.").Resolve(c => c.Source.Domain);
        ParticipationRowFields.Add(this, r => r.Row);
    }
}

public sealed class ParticipationByInstrumentType : ObjectGraphType<(Instrument Instrument, ParticipationRow Row)>
{
    public ParticipationByInstrumentType()
    {
        Name = "ParticipationByInstrument";
        Description = "The policies of one instrument.";
        Field<NonNullGraphType<InstrumentType>>("instrument").Description("The instrument.").Resolve(c => c.Source.Instrument);
        ParticipationRowFields.Add(this, r => r.Row);
    }
}

internal static class ParticipationRowFields
{
    public static void Add<T>(ObjectGraphType<T> type, Func<T, ParticipationRow> row)
    {
        type.Field<NonNullGraphType<IntGraphType>>("policies").Description("Its policies in scope.").Resolve(c => row(c.Source).Policies);
        type.Field<NonNullGraphType<IntGraphType>>("involving").Description("Those involving beneficiaries at some stage.").Resolve(c => row(c.Source).Involving);
        type.Field<NonNullGraphType<IntGraphType>>("upstream").Description("Those involving them before deployment.").Resolve(c => row(c.Source).Upstream);
        type.Field<FloatGraphType>("upstreamShare").Description("upstream / policies.").Resolve(c => row(c.Source).UpstreamShare);
    }
}

/// <summary>One INVOLVES link of a policy, read as who was involved and when.</summary>
public sealed class InvolvementType : ObjectGraphType<Link>
{
    public InvolvementType()
    {
        Name = "Involvement";
        Description = "A group of beneficiaries a policy involved, and at which stage.";
        Field<NonNullGraphType<BeneficiaryGroupType>>("group").Description("The group.").Resolve(c => c.Loaders().Node(c.Source.TargetId));
        Field<NonNullGraphType<InvolvementStageType>>("stage").Description("The stage.").Resolve(c => c.Source.Stage ?? throw new InvalidOperationException($"INVOLVES link {c.Source.Id} has no stage, which the write rules require."));
        Field<DateType>("since").Description("When it began, when known.").Resolve(c => c.Source.Since);
        Field<DateType>("until").Description("When it ended, when known.").Resolve(c => c.Source.Until);
    }
}
