namespace CoopGraph.Domain.Model;

/// <summary>A set of <see cref="PolicyDomain"/> values packed in one integer, as stored and compared by the analytics.</summary>
public readonly record struct DomainSet(int Bits)
{
    public static DomainSet Empty => default;

    public static DomainSet Of(IEnumerable<PolicyDomain> domains)
    {
        var bits = 0;
        foreach (var domain in domains)
        {
            bits |= 1 << (int)domain;
        }
        return new DomainSet(bits);
    }

    public static DomainSet Of(PolicyDomain domain) => new(1 << (int)domain);

    public bool IsEmpty => Bits == 0;

    public bool Overlaps(DomainSet other) => (Bits & other.Bits) != 0;

    public IReadOnlyList<PolicyDomain> ToList()
    {
        var result = new List<PolicyDomain>();
        foreach (var domain in Enum.GetValues<PolicyDomain>())
        {
            if ((Bits & (1 << (int)domain)) != 0)
            {
                result.Add(domain);
            }
        }
        return result;
    }
}
