using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Analytics;
using CoopGraph.Api.GraphQL.Links;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Api.GraphQL.Policies;
using CoopGraph.Api.GraphQL.Territories;
using CoopGraph.Api.GraphQL.Themes;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Reads: the graph's nodes and links, and the analyses computed on it.";
        NodeRootFields.AddQueries(this);
        ActorRootFields.AddQueries(this);
        LinkRootFields.AddQueries(this);
        PolicyRootFields.AddQueries(this);
        ThemeRootFields.AddQueries(this);
        BeneficiaryGroups.BeneficiaryGroupRootFields.AddQueries(this);
        TerritoryRootFields.AddQueries(this);
        AnalyticsRootFields.AddQueries(this);
        Access.ViewerRootFields.AddQueries(this);
        Surveys.SurveyRootFields.AddQueries(this);
        Changes.ChangeRootFields.AddQueries(this);
    }
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Writes, in atomic batches: every item is checked and nothing is written when any is refused.";
        ActorRootFields.AddMutations(this);
        ThemeRootFields.AddMutations(this);
        BeneficiaryGroups.BeneficiaryGroupRootFields.AddMutations(this);
        PolicyRootFields.AddMutations(this);
        TerritoryRootFields.AddMutations(this);
        LinkRootFields.AddMutations(this);
        NodeRootFields.AddMutations(this);
        Access.TrustedDocumentRootFields.AddMutations(this);
        Surveys.SurveyRootFields.AddMutations(this);
    }
}

public sealed class CoopGraphSchema : Schema
{
    public CoopGraphSchema(IServiceProvider services, QueryType query, MutationType mutation, Changes.SubscriptionType subscription) : base(services)
    {
        Description = "CoopGraph: who cooperates with whom around public action.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        // Types reached only through interfaces must be registered for the schema to know them.
        RegisterType(typeof(AuthorityType));
        RegisterType(typeof(ServiceType));
        RegisterType(typeof(SseActorType));
        RegisterType(typeof(UniversityType));
        RegisterType(typeof(InnovationLabType));
        RegisterType(typeof(OrganisationType));
        RegisterType(typeof(EstablishmentType));
        RegisterType(typeof(PolicyType));
        RegisterType(typeof(ThemeType));
        RegisterType(typeof(TerritoryType));
        RegisterType(typeof(Surveys.SurveyType));
        // GraphQL.NET's own scalars carry no description; these replace them under the same names.
        RegisterType(new LongGraphType { Description = "A whole number of up to 64 bits (counts, versions, populations)." });
        RegisterType(new DecimalGraphType { Description = "A decimal number, exact (amounts and budgets in euros)." });
    }
}
