using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Analytics.Transversality;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class DomainPairCellType : ObjectGraphType<Projected<DomainPairCell>>
{
    public DomainPairCellType()
    {
        Name = "DomainPairCell";
        Description = "One cell of an authority's domain × domain matrix (a < b in PolicyDomain order).";
        Field<NonNullGraphType<PolicyDomainType>>("a").Description("The first domain of the pair.").Resolve(c => c.Source.Value.A);
        Field<NonNullGraphType<PolicyDomainType>>("b").Description("The second domain of the pair.").Resolve(c => c.Source.Value.B);
        Field<NonNullGraphType<IntGraphType>>("direct").Description("Cooperation links between a service of domain a and a service of domain b.").Resolve(c => c.Source.Value.Direct);
        Field<NonNullGraphType<IntGraphType>>("bridged").Description("Actors, other than the authority's services of domains a and b, that cooperate directly with a service of domain a and a service of domain b.").Resolve(c => c.Source.Value.Bridged);
        Field<NonNullGraphType<BooleanGraphType>>("covered").Description("A service of domain a and a service of domain b are at most 2 cooperation hops apart.").Resolve(c => c.Source.Value.Covered);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Links.LinkGraphType>>>>("directLinks").Description("The links counted by direct.")
            .Resolve(c => c.Loaders().Links(c.Source.Value.DirectLinks.Select(l => c.Source.Projection.LinkIds[l]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorInterface>>>>("bridgedBy").Description("The actors counted by bridged, who bring the two domains together.")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.Bridges.Select(n => c.Source.Projection.Ids[n]).ToList()));
    }
}

public sealed class BridgeScoreType : ObjectGraphType<Projected<BridgeScore>>
{
    public BridgeScoreType()
    {
        Name = "BridgeScore";
        Description = "An actor that cooperates with services of at least two domains of the authority.";
        Field<NonNullGraphType<ActorInterface>>("actor").Description("The bridging actor.").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Actor]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyDomainType>>>>("domains").Description("Domains of the services it cooperates with.").Resolve(c => c.Source.Value.Domains);
        Field<NonNullGraphType<IntGraphType>>("domainPairs").Description("Pairs of those domains it brings together.").Resolve(c => c.Source.Value.DomainPairs);
        Field<NonNullGraphType<IntGraphType>>("links").Description("Its cooperation links with the authority's services.").Resolve(c => c.Source.Value.Links);
    }
}

public sealed class DomainEiType : ObjectGraphType<DomainEi>
{
    public DomainEiType()
    {
        Name = "DomainEi";
        Description = "Krackhardt and Stern's E-I index of the services of one domain of an authority.";
        Field<NonNullGraphType<PolicyDomainType>>("domain").Description("The domain.").Resolve(c => c.Source.Domain);
        Field<NonNullGraphType<IntGraphType>>("external").Description("Transversal service links of its services.").Resolve(c => c.Source.External);
        Field<NonNullGraphType<IntGraphType>>("internal").Description("Other service links of its services.").Resolve(c => c.Source.Internal);
        Field<FloatGraphType>("eiIndex").Description("(external − internal) / (external + internal); null without links.").Resolve(c => c.Source.EiIndex);
    }
}

public sealed class TransversalityPointType : ObjectGraphType<TransversalityPoint>
{
    public TransversalityPointType()
    {
        Name = "TransversalityPoint";
        Description = "Transversality of an authority as of 31 December of a year (links valid on that day).";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("serviceLinks").Description("Service links valid on 31 December.").Resolve(c => c.Source.ServiceLinks);
        Field<NonNullGraphType<IntGraphType>>("transversalLinks").Description("Transversal service links valid on 31 December.").Resolve(c => c.Source.TransversalLinks);
        Field<NonNullGraphType<FloatGraphType>>("linkShare").Description("Transversal service links / service links (0 when there are none).").Resolve(c => c.Source.LinkShare);
        Field<NonNullGraphType<FloatGraphType>>("domainPairCoverage").Description("Covered domain pairs / domain pairs, on 31 December.").Resolve(c => c.Source.DomainPairCoverage);
    }
}

public sealed class TransversalityReportType : ObjectGraphType<Projected<TransversalityReport>>
{
    public TransversalityReportType()
    {
        Name = "TransversalityReport";
        Description = "How far an authority's services cooperate across their domains. Definitions: the domains of an actor are a " +
            "service's domain, a policy's domains, any other actor's the domains of the themes it WORKS_ON; a transversal link is a " +
            "COOPERATES_WITH link whose two ends both have domains and have none in common; the authority's service links are the " +
            "cooperation links with at least one end among its services; its domain pairs are the unordered pairs of distinct domains " +
            "among its services; a silo domain is a domain of its services none of whose services has a transversal link.";
        Field<NonNullGraphType<AuthorityType>>("authority").Description("The authority.").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Authority]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("services").Description("Its services.").Resolve(c => c.Loaders().Nodes(c.Source.Value.Services.Select(s => c.Source.Projection.Ids[s]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyDomainType>>>>("domains").Description("Domains of its services.").Resolve(c => c.Source.Value.Domains);
        Field<NonNullGraphType<IntGraphType>>("serviceLinks").Description("Cooperation links with at least one end among its services.").Resolve(c => c.Source.Value.ServiceLinks);
        Field<NonNullGraphType<IntGraphType>>("transversalLinks").Description("Transversal service links.").Resolve(c => c.Source.Value.TransversalLinks);
        Field<NonNullGraphType<FloatGraphType>>("linkShare").Description("Transversal service links / service links (0 when there are none).").Resolve(c => c.Source.Value.LinkShare);
        Field<NonNullGraphType<IntGraphType>>("domainPairs").Description("Unordered pairs of distinct domains among its services.").Resolve(c => c.Source.Value.DomainPairs);
        Field<NonNullGraphType<IntGraphType>>("coveredDomainPairs").Description("Domain pairs whose services are at most 2 cooperation hops apart.").Resolve(c => c.Source.Value.CoveredPairs);
        Field<NonNullGraphType<FloatGraphType>>("domainPairCoverage").Description("Covered domain pairs / domain pairs (0 with fewer than two domains).").Resolve(c => c.Source.Value.DomainPairCoverage);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DomainPairCellType>>>>("matrix").Description("The domain × domain matrix: one cell per domain pair.")
            .Resolve(c => c.Source.Value.Matrix.Select(m => new Projected<DomainPairCell>(c.Source.Projection, m)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyDomainType>>>>("siloDomains").Description("Domains whose row of the matrix is empty: none of their services cooperates directly with a service of another of the authority's domains, nor shares a partner with one. Empty when the services span a single domain.").Resolve(c => c.Source.Value.SiloDomains);
        Field<FloatGraphType>("eiIndex")
            .Description("Krackhardt and Stern's E-I index, the standard silo measure: (external − internal) / (external + internal) with external = " +
                "transversal service links and internal = the other service links; −1 when every link stays within a domain, +1 when every link " +
                "crosses domains. Null without service links.")
            .Resolve(c => c.Source.Value.EiIndex);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DomainEiType>>>>("domainEi")
            .Description("The E-I index of each domain's services, in domain order: a link between services of two domains counts for both.")
            .Resolve(c => c.Source.Value.DomainEi);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BridgeScoreType>>>>("bridges")
            .Description("Actors bridging the most domains first, then the most links, then by id.")
            .FirstArgument(10, Paging.Paging.MaxFirst)
            .Resolve(c => c.Source.Value.Bridges.Take(c.ReadFirst(10, Paging.Paging.MaxFirst)).Select(b => new Projected<BridgeScore>(c.Source.Projection, b)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TransversalityPointType>>>>("trend")
            .Description($"One point per year, as of 31 December, from the links' validity dates (at most {TransversalityAnalysis.MaxTrendYears} years).")
            .Argument<NonNullGraphType<IntGraphType>>("fromYear", "The first year.")
            .Argument<NonNullGraphType<IntGraphType>>("toYear", "The last year.")
            .Resolve(c => TransversalityAnalysis.Trend(c.Source.Projection, c.Source.Value.Authority, c.GetArgument<int>("fromYear"), c.GetArgument<int>("toYear")));
    }
}
