namespace CoopGraph.Domain.Model;

public enum AuthorityLevel
{
    State,
    Region,
    Departement,
    Intercommunality,
    Metropolis,
    Commune,
    PublicBody,
    Hospital,
}

public enum LegalForm
{
    Association,
    Cooperative,
    Mutual,
    Foundation,
    SocialEnterprise,
    Other,
}

public enum UniversityKind
{
    University,
    School,
    ResearchLab,
}

/// <summary>The instrument through which a policy acts or a funding flows.</summary>
public enum Instrument
{
    Subsidy,
    CallForProjects,
    PublicContract,
    PartnershipAgreement,
    Other,
}

public enum CooperationKind
{
    Partnership,
    CoConstruction,
    SharedProject,
    Agreement,
    Network,

    /// <summary>Co-contractors of one public contract (a grouping of operators).</summary>
    Consortium,
}

/// <summary>When in a policy's life its beneficiaries were involved: upstream (reframing, design, test) or not.</summary>
public enum InvolvementStage
{
    Reframing,
    Design,
    Test,
    Deployment,
    Evaluation,
}

public enum ApplicationOutcome
{
    Won,
    Lost,
    Pending,
}

public enum TerritoryLevel
{
    Country,
    Region,
    Departement,
    Intercommunality,
    Commune,
    District,
}

public enum EstablishmentCategory
{
    PrimarySchool,
    College,
    Lycee,
    VocationalLycee,
    MultiPurposeLycee,
    Other,
}
