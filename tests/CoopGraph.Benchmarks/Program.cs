using BenchmarkDotNet.Running;
using CoopGraph.Benchmarks;

// Modes besides BenchmarkDotNet's own switcher:
//   memory [scale…]      build time and managed memory of the projection (default: demo large)
//   memory-store DB      the projection of an embedded store, built as the API builds it: time and managed memory
//   export-random FILE   the 20k/100k random graph as source,target CSV, for igraph
//   backtest             the cooperation-gap back-test
//   import-profile FILE  time to read and map an NDJSON file, then to import it into a fresh store
//   neo4j-client FILE    an import through the Neo4j store into a scripted Query API that answers at once: the
//                        rows/s CoopGraph itself can send, and the requests it takes
//   search-profile DB TEXT…  per typed text, the time of a search ranked by the index beside the projection, and
//                        the store's own
//   store-reads DB VALUES [TASKS] [ROUNDS] [memory]  the embedded store's reads of a computed actor page, for the
//                        actor ids of a load-kit values file, on TASKS tasks at once: pages/s, CPU and time per read;
//                        with `memory`, the same reads from the read model holding the store's graph
//   betweenness-quick T  2,000 sampled sources of the 20k/100k graph on T threads, five times (for tuning)
return args switch
{
    ["memory", .. var scales] => Measurements.ProjectionMemory(scales.Length == 0 ? ["demo", "large"] : scales),
    ["memory-store", var database] => Measurements.StoreProjectionMemoryAsync(database).GetAwaiter().GetResult(),
    ["export-random", var file] => Measurements.ExportRandom(file),
    ["backtest", .. var rest] => GapBacktest.Run(rest.Length > 0 ? rest[0] : "region"),
    ["import-profile", var file] => ImportProfile.RunAsync(file).GetAwaiter().GetResult(),
    ["neo4j-client", var file] => Neo4jClientImport.RunAsync(file).GetAwaiter().GetResult(),
    ["search-profile", var database, .. var texts] => SearchProfile.RunAsync(database, texts).GetAwaiter().GetResult(),
    ["store-reads", var database, var values, .. var rest] => StoreReadsProfile.RunAsync(database, values,
        rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 16,
        rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 3,
        rest.Length > 2 && rest[2] == "memory").GetAwaiter().GetResult(),
    ["betweenness-quick", var threads] => Measurements.QuickBetweenness(int.Parse(threads, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Inputs).Assembly).Run(args);
    return 0;
}
