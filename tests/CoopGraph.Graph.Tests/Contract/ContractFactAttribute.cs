using Xunit.Abstractions;
using Xunit.Sdk;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>
/// A test of the store contract, declared once in <see cref="StoreContract"/> and run by every store's subclass. A
/// subclass marked <see cref="RequiresEnvironmentAttribute"/> has its tests reported as skipped, with the reason, when
/// the variable is not set: never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("CoopGraph.Graph.Tests.Contract.ContractFactDiscoverer", "CoopGraph.Graph.Tests")]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>The store under test needs this environment variable (a server's address); without it its tests are skipped.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;

    public string Reason { get; } = reason;
}

public sealed class ContractFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new ContractTestCase(diagnostics, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

/// <summary>A contract test of one store: skipped, with the reason, when the store's class requires a variable that is not set.</summary>
public sealed class ContractTestCase : XunitTestCase
{
    [Obsolete("For deserialization only.")]
    public ContractTestCase()
    {
    }

    public ContractTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method)
        : base(diagnostics, display, displayOptions, method)
    {
    }

    // Asked when the case is initialised: the class is the concrete subclass, not the abstract class declaring the method.
    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var requirement = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)).FirstOrDefault();
        var arguments = requirement?.GetConstructorArguments().Cast<string>().ToList();
        return arguments is [var variable, var reason] && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable))
            ? reason
            : base.GetSkipReason(factAttribute);
    }
}
