using CoopGraph.Domain.Model;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Common;

// GraphQL.NET names these after the CLR enum and writes values in CONSTANT_CASE (SseActor → SSE_ACTOR).

public sealed class ActorKindType : EnumerationGraphType<ActorKind>
{
    public ActorKindType()
    {
        Description = "The kinds of node that act: they cooperate, fund, apply to calls and work on themes.";
        this.Describe(new Dictionary<ActorKind, string>
        {
            [ActorKind.Authority] = "A local or public authority (Authority).",
            [ActorKind.Service] = "An internal service of an authority (Service).",
            [ActorKind.SseActor] = "A social and solidarity economy organisation (SseActor).",
            [ActorKind.University] = "A university, school or research lab (University).",
            [ActorKind.InnovationLab] = "A public-innovation lab (InnovationLab).",
            [ActorKind.Organisation] = "A company or body that is none of the other kinds (Organisation).",
            [ActorKind.Establishment] = "A school or another establishment run under an authority (Establishment).",
        });
    }
}

public sealed class LinkTypeType : EnumerationGraphType<LinkType>
{
    public LinkTypeType()
    {
        Description = "Relationship types. COOPERATES_WITH is symmetric; the others point from source to target.";
        this.Describe(new Dictionary<LinkType, string>
        {
            [LinkType.CooperatesWith] = "Two actors work together (symmetric; kind, intensity and dates on the link).",
            [LinkType.Funds] = "An actor funds another (instrument, amount and year on the link).",
            [LinkType.PartOf] = "A service belongs to its authority; a commune to its intercommunality.",
            [LinkType.Owns] = "An authority or service owns a policy.",
            [LinkType.Implements] = "An actor carries out a policy.",
            [LinkType.AppliedTo] = "An actor applied to a policy's call (year and outcome on the link).",
            [LinkType.WorksOn] = "An actor works on a theme.",
            [LinkType.Targets] = "A policy addresses a theme.",
            [LinkType.LocatedIn] = "An actor is located in a territory.",
            [LinkType.MemberOf] = "An actor is a member of a network or federation (another actor).",
            [LinkType.HostedBy] = "An innovation lab is hosted by an authority.",
            [LinkType.Involves] = "A policy involves a group of its beneficiaries at one stage (stage on the link; one link per stage).",
        });
    }
}

public sealed class PolicyDomainType : EnumerationGraphType<PolicyDomain>
{
    public PolicyDomainType()
    {
        Description = "The policy areas in which authorities organise their services (their silos).";
        this.Describe(new Dictionary<PolicyDomain, string>
        {
            [PolicyDomain.Social] = "Social action and solidarity.",
            [PolicyDomain.Housing] = "Housing and urban renewal.",
            [PolicyDomain.Transport] = "Transport and mobility.",
            [PolicyDomain.Culture] = "Culture and heritage.",
            [PolicyDomain.Education] = "Education and training.",
            [PolicyDomain.Economy] = "Economic development.",
            [PolicyDomain.Employment] = "Employment and integration into work.",
            [PolicyDomain.Health] = "Health and care.",
            [PolicyDomain.Environment] = "Environment, energy and ecological transition.",
            [PolicyDomain.Research] = "Higher education and research.",
            [PolicyDomain.Digital] = "Digital services and inclusion.",
            [PolicyDomain.Youth] = "Youth.",
            [PolicyDomain.Sport] = "Sport.",
            [PolicyDomain.FoodAgriculture] = "Food and agriculture.",
            [PolicyDomain.Tourism] = "Tourism.",
            [PolicyDomain.Security] = "Public safety and crime prevention.",
            [PolicyDomain.Governance] = "General administration, citizen participation and public innovation.",
        });
    }
}

public sealed class AuthorityLevelType : EnumerationGraphType<AuthorityLevel>
{
    public AuthorityLevelType()
    {
        Description = "The tier of an authority.";
        this.Describe(new Dictionary<AuthorityLevel, string>
        {
            [AuthorityLevel.State] = "The State or one of its ministries or services.",
            [AuthorityLevel.Region] = "A region (conseil régional).",
            [AuthorityLevel.Departement] = "A département (conseil départemental).",
            [AuthorityLevel.Intercommunality] = "An intercommunality (communauté de communes, d'agglomération, urbaine).",
            [AuthorityLevel.Metropolis] = "A metropolitan authority (métropole).",
            [AuthorityLevel.Commune] = "A commune.",
            [AuthorityLevel.PublicBody] = "Another public body (agency, public establishment).",
            [AuthorityLevel.Hospital] = "A public hospital.",
        });
    }
}

public sealed class LegalFormType : EnumerationGraphType<LegalForm>
{
    public LegalFormType()
    {
        Description = "The legal form of a social and solidarity economy organisation.";
        this.Describe(new Dictionary<LegalForm, string>
        {
            [LegalForm.Association] = "An association (loi 1901).",
            [LegalForm.Cooperative] = "A cooperative (SCOP, SCIC, CAE…).",
            [LegalForm.Mutual] = "A mutual society.",
            [LegalForm.Foundation] = "A foundation or endowment fund.",
            [LegalForm.SocialEnterprise] = "A commercial company recognised as a social enterprise (ESUS).",
            [LegalForm.Other] = "Another form.",
        });
    }
}

public sealed class UniversityKindType : EnumerationGraphType<UniversityKind>
{
    public UniversityKindType()
    {
        Description = "What kind of higher-education or research body.";
        this.Describe(new Dictionary<UniversityKind, string>
        {
            [UniversityKind.University] = "A university.",
            [UniversityKind.School] = "A school (grande école, engineering or business school).",
            [UniversityKind.ResearchLab] = "A research lab or unit.",
        });
    }
}

public sealed class InstrumentType : EnumerationGraphType<Instrument>
{
    public InstrumentType()
    {
        Description = "The instrument of a policy or of a funding: does it make actors cooperate or compete?";
        this.Describe(new Dictionary<Instrument, string>
        {
            [Instrument.Subsidy] = "A grant given to an actor.",
            [Instrument.CallForProjects] = "A call for projects, where applicants compete for the funding.",
            [Instrument.PublicContract] = "A public contract, awarded after competitive tendering.",
            [Instrument.PartnershipAgreement] = "A partnership agreement between the funder and the actor.",
            [Instrument.Other] = "Another instrument.",
        });
    }
}

public sealed class CooperationKindType : EnumerationGraphType<CooperationKind>
{
    public CooperationKindType()
    {
        Description = "How two actors cooperate.";
        this.Describe(new Dictionary<CooperationKind, string>
        {
            [CooperationKind.Partnership] = "A standing partnership.",
            [CooperationKind.CoConstruction] = "A policy or service designed together.",
            [CooperationKind.SharedProject] = "A project carried out together.",
            [CooperationKind.Agreement] = "A formal agreement (convention).",
            [CooperationKind.Network] = "Membership of the same working network.",
            [CooperationKind.Consortium] = "Co-contractors of one public contract (a grouping of operators).",
        });
    }
}

public sealed class EstablishmentCategoryType : EnumerationGraphType<EstablishmentCategory>
{
    public EstablishmentCategoryType()
    {
        Description = "What kind of establishment, as the national education directory classes it.";
        this.Describe(new Dictionary<EstablishmentCategory, string>
        {
            [EstablishmentCategory.PrimarySchool] = "A nursery or primary school (école), run with the commune.",
            [EstablishmentCategory.College] = "A collège (lower secondary), run with the département.",
            [EstablishmentCategory.Lycee] = "A general and technological lycée (LEGT), run with the région.",
            [EstablishmentCategory.VocationalLycee] = "A vocational lycée (LP), run with the région.",
            [EstablishmentCategory.MultiPurposeLycee] = "A multi-purpose lycée (LPO: general, technological and vocational), run with the région.",
            [EstablishmentCategory.Other] = "Another establishment.",
        });
    }
}

public sealed class InvolvementStageType : EnumerationGraphType<InvolvementStage>
{
    public InvolvementStageType()
    {
        Description = "When a policy involved its beneficiaries: upstream (reframing, design, test) or once it runs (deployment, evaluation).";
        this.Describe(new Dictionary<InvolvementStage, string>
        {
            [InvolvementStage.Reframing] = "Reframing the problem, before any answer is chosen.",
            [InvolvementStage.Design] = "Designing the answer.",
            [InvolvementStage.Test] = "Testing it before it is deployed (a prototype, a pilot).",
            [InvolvementStage.Deployment] = "Deploying it.",
            [InvolvementStage.Evaluation] = "Evaluating it once it runs.",
        });
    }
}

public sealed class ApplicationOutcomeType : EnumerationGraphType<ApplicationOutcome>
{
    public ApplicationOutcomeType()
    {
        Description = "What became of an application to a call.";
        this.Describe(new Dictionary<ApplicationOutcome, string>
        {
            [ApplicationOutcome.Won] = "The application was selected.",
            [ApplicationOutcome.Lost] = "The application was not selected.",
            [ApplicationOutcome.Pending] = "The call has not decided yet.",
        });
    }
}

public sealed class TerritoryLevelType : EnumerationGraphType<TerritoryLevel>
{
    public TerritoryLevelType()
    {
        Description = "The level of a territory in the territorial tree.";
        this.Describe(new Dictionary<TerritoryLevel, string>
        {
            [TerritoryLevel.Country] = "A country.",
            [TerritoryLevel.Region] = "A region.",
            [TerritoryLevel.Departement] = "A département.",
            [TerritoryLevel.Intercommunality] = "The area of an intercommunality (EPCI).",
            [TerritoryLevel.Commune] = "A commune.",
            [TerritoryLevel.District] = "A part of a commune (arrondissement, neighbourhood).",
        });
    }
}

public sealed class NodeKindType : EnumerationGraphType<NodeKind>
{
    public NodeKindType()
    {
        Description = "Every kind of node: the actor kinds, and policies, themes, territories and beneficiary groups.";
        this.Describe(new Dictionary<NodeKind, string>
        {
            [NodeKind.Authority] = "A local or public authority (Authority).",
            [NodeKind.Service] = "An internal service of an authority (Service).",
            [NodeKind.SseActor] = "A social and solidarity economy organisation (SseActor).",
            [NodeKind.University] = "A university, school or research lab (University).",
            [NodeKind.InnovationLab] = "A public-innovation lab (InnovationLab).",
            [NodeKind.Organisation] = "A company or body that is none of the other kinds (Organisation).",
            [NodeKind.Establishment] = "A school or another establishment run under an authority (Establishment).",
            [NodeKind.Policy] = "A public policy or programme (Policy).",
            [NodeKind.Theme] = "An issue area (Theme).",
            [NodeKind.Territory] = "A place of the territorial tree (Territory).",
            [NodeKind.BeneficiaryGroup] = "A group of a policy's beneficiaries, never a person (BeneficiaryGroup).",
        });
    }
}
