namespace CoopGraph.Domain.Model;

/// <summary>The policy areas in which local authorities organise their services (their "silos").</summary>
/// <remarks>Values are bit positions in <see cref="DomainSet"/>: never reorder, only append.</remarks>
public enum PolicyDomain
{
    Social,
    Housing,
    Transport,
    Culture,
    Education,
    Economy,
    Employment,
    Health,
    Environment,
    Research,
    Digital,
    Youth,
    Sport,
    FoodAgriculture,
    Tourism,
    Security,
    Governance,
}
