using CoopGraph.Domain.Model;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.OpenData;

namespace CoopGraph.Graph.Tests.OpenData;

/// <summary>
/// A temporary store holding the hand-written geography (and the SSE and EPCI fixtures) that relationship files join
/// to, with the importer, the run's context and the reads the relationship tests make.
/// </summary>
internal sealed class RelationImport : IAsyncDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private RelationImport(TempStore temp, OpenDataImporter importer, OpenDataContext context)
    {
        Temp = temp;
        Importer = importer;
        Context = context;
    }

    public TempStore Temp { get; }

    public IGraphStore Store => Temp.Store;

    public OpenDataImporter Importer { get; }

    public OpenDataContext Context { get; }

    /// <summary>Regions, départements, communes, the EPCI and the SIAE list of <see cref="OpenDataFixtures"/>.</summary>
    public static async Task<RelationImport> CreateAsync()
    {
        var temp = await TempStore.CreateAsync();
        var importer = new OpenDataImporter(temp.Store);
        var run = new RelationImport(temp, importer, await importer.CreateContextAsync(Ct));
        await run.CsvAsync("cog-regions", "regions.csv", OpenDataFixtures.Regions);
        await run.CsvAsync("cog-departements", "departements.csv", OpenDataFixtures.Departements);
        await run.CsvAsync("cog-communes", "communes_cog2026.csv", OpenDataFixtures.Communes);
        await run.CsvAsync("epci", "epci_2025.csv", OpenDataFixtures.Epci);
        await run.CsvAsync("siae", "siae_asp_2019_07.csv", OpenDataFixtures.Siae);
        return run;
    }

    /// <summary>Imports CSV text through a named source, or the source its header is recognised as.</summary>
    public Task<OpenDataFileReport> CsvAsync(string? source, string file, string text, OpenDataContext? context = null)
    {
        var table = CsvTable.Open(new StringReader(text));
        return ImportAsync(table, source, file, context);
    }

    /// <summary>Imports a table (JSON records, a sheet) through the source its columns are recognised as.</summary>
    public async Task<OpenDataFileReport> ImportAsync(IRecordTable table, string? source, string file, OpenDataContext? context = null)
    {
        using (table)
        {
            var reader = source is null ? OpenDataSources.Detect(table.Columns) : OpenDataSources.Find(source);
            return await Importer.ImportAsync(table, reader, file, context ?? Context, null, Ct);
        }
    }

    /// <summary>A node's links of one type, in either direction, by target id.</summary>
    public async Task<List<Link>> LinksAsync(string node, LinkType type) =>
        (await Store.ListLinksAsync(Viewer.Everything, new LinkQuery { NodeId = node, Types = [type] }, new PageRequest(100, null), Ct))
            .Items.Select(i => i.Item).OrderBy(l => l.TargetId, StringComparer.Ordinal).ToList();

    public async Task<T> NodeAsync<T>(string id) where T : Node =>
        Assert.IsType<T>(Assert.Single(await Store.GetNodesAsync(Viewer.Everything, [id], Ct)));

    public async Task<IReadOnlyList<string>> OutAsync(string id, LinkType type) =>
        (await Store.GetNeighbourIdsAsync(Viewer.Everything, [id], type, LinkDirection.Outgoing, Ct)).GetValueOrDefault(id) ?? [];

    public ValueTask DisposeAsync() => Temp.DisposeAsync();
}
