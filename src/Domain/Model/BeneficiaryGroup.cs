namespace CoopGraph.Domain.Model;

/// <summary>
/// A group of people a policy serves, named as a group ("young jobseekers without a car", "tenants of a district"):
/// never a person. Policies INVOLVE such groups at the stages where users bring their expertise.
/// </summary>
public sealed record BeneficiaryGroup : Node
{
    public override NodeKind Kind => NodeKind.BeneficiaryGroup;
}
