using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Actors;

public sealed class AuthorityType : ObjectGraphType<Authority>
{
    public AuthorityType()
    {
        Name = "Authority";
        Description = "A local or public authority: region, département, intercommunality, commune, public body, hospital.";
        Interface<NodeInterface>();
        Interface<ActorInterface>();
        this.IsTypeOfClass();
        ActorFields.Add(this);
        Field<NonNullGraphType<AuthorityLevelType>>("level").Description("The tier of the authority.").Resolve(c => c.Source.Level);
        Field<StringGraphType>("code").Description("Official code (INSEE, SIREN of the intercommunality…).").Resolve(c => c.Source.Code);
        Field<LongGraphType>("population").Description("Inhabitants, for territorial authorities, when known.").Resolve(c => c.Source.Population);
        Field<AuthorityType>("parent").Description("The authority this one is PART_OF (a commune's intercommunality).")
            .Resolve(c => c.Loaders().NeighbourNode(c.Source.Id, LinkType.PartOf, LinkDirection.Outgoing));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("services").Description("Its internal services (directorates).")
            .Resolve(c => c.Loaders().NeighbourNodes(c.Source.Id, LinkType.PartOf, LinkDirection.Incoming, NodeKind.Service));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InnovationLabType>>>>("labs").Description("The innovation labs it hosts (HOSTED_BY it).")
            .Resolve(c => c.Loaders().NeighbourNodes(c.Source.Id, LinkType.HostedBy, LinkDirection.Incoming, NodeKind.InnovationLab));
    }
}

public sealed class ServiceType : ObjectGraphType<Service>
{
    public ServiceType()
    {
        Name = "Service";
        Description = "An internal service (directorate, department) of an authority, in one policy domain.";
        Interface<NodeInterface>();
        Interface<ActorInterface>();
        this.IsTypeOfClass();
        ActorFields.Add(this);
        Field<NonNullGraphType<PolicyDomainType>>("domain").Description("The policy domain of the service.").Resolve(c => c.Source.Domain);
        Field<NonNullGraphType<AuthorityType>>("authority").Description("The authority the service is PART_OF (exactly one).")
            .Resolve(c => c.Loaders().NeighbourNode(c.Source.Id, LinkType.PartOf, LinkDirection.Outgoing));
        Field<ServiceType>("direction").Description("The direction (another service of the authority) it belongs to; null for a direction itself.")
            .Resolve(c => c.Source.DirectionId is { } direction ? c.Loaders().Node(direction) : null);
        Field<NonNullGraphType<BooleanGraphType>>("decisionMaking")
            .Description("Whether it is a decision-making body (the general management, the executive's cabinet): a lab cooperating with one has access to decisions.")
            .Resolve(c => c.Source.DecisionMaking);
    }
}

public sealed class SseActorType : ObjectGraphType<SseActor>
{
    public SseActorType()
    {
        Name = "SseActor";
        Description = "A social and solidarity economy organisation: association, cooperative, mutual, foundation, social enterprise.";
        Interface<NodeInterface>();
        Interface<ActorInterface>();
        this.IsTypeOfClass();
        ActorFields.Add(this);
        Field<NonNullGraphType<LegalFormType>>("legalForm").Description("Its legal form.").Resolve(c => c.Source.LegalForm);
        Field<StringGraphType>("siren").Description("Its SIREN number (9 digits), when known.").Resolve(c => c.Source.Siren);
    }
}

public sealed class UniversityType : ObjectGraphType<University>
{
    public UniversityType()
    {
        Name = "University";
        Description = "A university, a school or a research lab.";
        Interface<NodeInterface>();
        Interface<ActorInterface>();
        this.IsTypeOfClass();
        ActorFields.Add(this);
        Field<NonNullGraphType<UniversityKindType>>("universityKind").Description("What kind of body it is.").Resolve(c => c.Source.UniversityKind);
    }
}

public sealed class InnovationLabType : ObjectGraphType<InnovationLab>
{
    public InnovationLabType()
    {
        Name = "InnovationLab";
        Description = "A public-innovation lab (MindLab, La Transfo…) hosted by one authority or several.";
        Interface<NodeInterface>();
        Interface<ActorInterface>();
        this.IsTypeOfClass();
        ActorFields.Add(this);
        Field<AuthorityType>("host").Description("The authority hosting the lab (HOSTED_BY); with several hosts, the first.")
            .Resolve(c => c.Loaders().NeighbourNode(c.Source.Id, LinkType.HostedBy, LinkDirection.Outgoing));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorityType>>>>("hosts").Description("Every authority hosting the lab (HOSTED_BY), the first host first.")
            .Resolve(c => c.Loaders().NeighbourNodes(c.Source.Id, LinkType.HostedBy, LinkDirection.Outgoing, NodeKind.Authority));
        Field<DateType>("founded").Description("When the lab was founded, when known.").Resolve(c => c.Source.Founded);
    }
}

public sealed class OrganisationType : ObjectGraphType<Organisation>
{
    public OrganisationType()
    {
        Name = "Organisation";
        Description = "A company or a body that is none of the other kinds: a landlord, a transport operator, a chamber, a supplier.";
        Interface<NodeInterface>();
        Interface<ActorInterface>();
        this.IsTypeOfClass();
        ActorFields.Add(this);
        Field<StringGraphType>("siren").Description("Its SIREN number (9 digits), when known.").Resolve(c => c.Source.Siren);
    }
}

public sealed class EstablishmentType : ObjectGraphType<Establishment>
{
    public EstablishmentType()
    {
        Name = "Establishment";
        Description = "A school (collège, lycée, école) or another establishment run under an authority's responsibility.";
        Interface<NodeInterface>();
        Interface<ActorInterface>();
        this.IsTypeOfClass();
        ActorFields.Add(this);
        Field<StringGraphType>("uai").Description("Its national identifier (UAI, 8 characters), when known.").Resolve(c => c.Source.Uai);
        Field<NonNullGraphType<EstablishmentCategoryType>>("category").Description("What kind of establishment it is.").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<BooleanGraphType>>("public").Description("True for a public establishment, false for a private one.").Resolve(c => c.Source.Public);
        Field<AuthorityType>("authority").Description("The authority responsible for it (PART_OF): a lycée's région, a collège's département.")
            .Resolve(c => c.Loaders().NeighbourNode(c.Source.Id, LinkType.PartOf, LinkDirection.Outgoing));
    }
}
