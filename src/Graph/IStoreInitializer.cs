namespace CoopGraph.Graph;

/// <summary>Prepares a store before it serves (schema migrations, constraints); run once at start.</summary>
public interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
