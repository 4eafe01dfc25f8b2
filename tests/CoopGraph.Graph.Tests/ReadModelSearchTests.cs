using System.Text;
using CoopGraph.Domain.Generation;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.Projections;
using CoopGraph.Graph.ReadModel;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// The read model searches as the embedded store does: the same tokens as FTS5's own, and for a thousand typed texts the
/// same nodes in the same order, for every viewer, in search and in listings by text; so does the index held beside the
/// projection.
/// </summary>
public sealed class ReadModelSearchTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // Characters FTS5 treats each its own way: accents, ligatures, case pairs with no ASCII fold, digits of other
    // scripts, superscripts, combining marks alone and after a letter, private use, letters beyond the BMP, emoji.
    private static readonly string[] AwkwardNames =
    [
        "École ÉCOLE ecole Ecoles", "Straße STRASSE strasse", "Ærø Œuvre œuvre cœur", "İstanbul ıspanak", "ǅemal ǈ ǋ",
        "x² H₂O ½ Ⅻ ⑫", "e\u0301cole \u0301 n\u0303", "\uE000priv\uE001", "𝔘𝔫𝔦 𐐀𐐨 Deseret", "café ☕ 🎉 fête",
        "Ελληνικά ΆΈΉ άέή", "Русский ЁЖИК ёжик", "٣٤ ۵۶ १२", "l'Association d’aide — « solidaire »", "ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ àâäçéèêëîïôöùûüÿ",
    ];

    // Words sharing starts (acc…, mob…), so that a prefix matches several tokens and scores sum their occurrences.
    private static readonly string[] Vocabulary =
    [
        "accès", "accueil", "accompagnement", "accord", "mobilité", "mobile", "mobilisation", "jeunesse", "jeunes", "emploi",
        "insertion", "culture", "culturel", "logement", "santé", "école", "écoles", "solidarité", "solidaire", "quartier",
        "transport", "formation", "formations", "numérique", "alimentation", "énergie", "habitat", "handicap", "sport", "lien",
    ];

    [Fact]
    public async Task TheTokenizer_MakesTheTokensOfTheStoresOwnIndex()
    {
        await using var temp = await SeededAsync();
        var nodes = await ExportedAsync(temp.Store);
        await using var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE temp.indexed USING fts5vocab (main, nodes_fts, 'instance')";
            await create.ExecuteNonQueryAsync(Ct);
        }
        var indexed = new Dictionary<long, List<string>>();
        await using (var read = connection.CreateCommand())
        {
            // Name first, then description, as a node is indexed.
            read.CommandText = "SELECT doc, term FROM temp.indexed ORDER BY doc, col = 'description', offset";
            await using var reader = await read.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                var doc = reader.GetInt64(0);
                if (!indexed.TryGetValue(doc, out var tokens))
                {
                    indexed[doc] = tokens = [];
                }
                tokens.Add(reader.GetString(1));
            }
        }

        var compared = 0;
        foreach (var (node, seq) in nodes)
        {
            var tokens = new List<string>();
            Fts5Tokenizer.Instance.Tokenize(node.Name, tokens);
            Fts5Tokenizer.Instance.Tokenize(node.Description, tokens);
            Assert.True(indexed.GetValueOrDefault(seq, []).SequenceEqual(tokens),
                $"{node.Id} '{node.Name}' / '{node.Description}': FTS5 [{string.Join(", ", indexed.GetValueOrDefault(seq, []))}], here [{string.Join(", ", tokens)}]");
            compared++;
        }
        Assert.True(compared > 900, $"only {compared} nodes compared");
    }

    [Fact]
    public async Task AThousandTypedTexts_FindTheSameNodesInTheSameOrder_InTheReadModelTheProjectionsIndexAndTheStore()
    {
        await using var temp = await SeededAsync();
        var builder = new ReadModelBuilder();
        var version = await temp.Store.ExportAsync(Viewer.Everything, builder, Ct);
        var snapshot = builder.Build(version, temp.Store, temp.Store);
        var projections = new ProjectionProvider(temp.Store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance);
        Assert.Equal(version, (await projections.GetAsync(Ct)).Version);
        var nodes = await ExportedAsync(temp.Store);
        var authority = nodes.First(n => n.Node.Kind == NodeKind.Authority).Node.Id;
        Viewer[] viewers = [Viewer.Everything, Viewer.Public, Viewer.BoundTo(authority)];
        var words = nodes.SelectMany(n => SearchWords.Of(n.Node.Name + " " + n.Node.Description)).Distinct().Order(StringComparer.Ordinal).ToArray();
        var random = new Random(11);
        var found = 0;
        var inMemory = 0;

        for (var i = 0; i < 1000; i++)
        {
            var text = Typed(random, words, nodes);
            var viewer = viewers[i % viewers.Length];
            var first = 1 + random.Next(25);

            var expected = await temp.Store.SearchAsync(viewer, text, first, Ct);
            var actual = await snapshot.SearchAsync(viewer, text, first, Ct);
            Assert.Equal(expected.Select(n => n.Id), actual.Select(n => n.Id));
            var indexed = await projections.SearchAsync(temp.Store, viewer, text, first, null, Ct);
            Assert.NotNull(indexed);
            Assert.Equal(expected.Select(n => n.Id), indexed.Select(n => n.Id));

            var query = new NodeQuery { Text = text, Kinds = random.Next(4) == 0 ? [NodeKind.SseActor] : null };
            var page = new PageRequest(first, null);
            var listed = await temp.Store.ListNodesAsync(viewer, query, page, Ct);
            var fromModel = await snapshot.ListNodesAsync(viewer, query, page, Ct);
            Assert.Equal(listed.Items.Select(n => n.Cursor + n.Item.Id), fromModel.Items.Select(n => n.Cursor + n.Item.Id));
            Assert.Equal((listed.TotalCount, listed.HasNextPage), (fromModel.TotalCount, fromModel.HasNextPage));
            found += expected.Count > 0 ? 1 : 0;
            inMemory += snapshot.SearchesItself(text) ? 1 : 0;
        }
        // Most texts find something, and some find nothing: both sides of the comparison were exercised.
        Assert.InRange(found, 600, 995);
        // The store answers only texts with a word that is not one token to it (none of these): the rest were the read model's.
        Assert.Equal(1000, inMemory);
    }

    [Fact]
    public async Task EveryWord_IsRankedByTheIndex_InFts5sOwnOrder_WhetherScannedOrKeptInRankOrder()
    {
        await using var temp = await SeededAsync();
        var nodes = await ExportedAsync(temp.Store);
        var index = TextIndex.Build(nodes.ConvertAll(n => n.Node), Fts5Tokenizer.Instance);
        var words = nodes.SelectMany(n => SearchWords.Of(n.Node.Name + " " + n.Node.Description)).Distinct(StringComparer.Ordinal).ToList();

        var compared = await RankedAsFts5Async(temp.DatabasePath, index, nodes.ConvertAll(n => n.Seq), words);

        Assert.True(compared > 100, $"only {compared} words compared");
        // Both ways were taken: common tokens kept in rank order, the rest and shared prefixes scanned.
        Assert.InRange(index.TokensRanked, 5, compared - 5);
    }

    [Fact]
    public async Task EveryShortPrefix_IsRankedByTheIndex_InFts5sOwnOrder_WhetherScannedOrKeptInRankOrder()
    {
        await using var temp = await SeededAsync();
        var nodes = await ExportedAsync(temp.Store);
        var index = TextIndex.Build(nodes.ConvertAll(n => n.Node), Fts5Tokenizer.Instance);
        // The first one to three characters of every word: most are the start of several tokens.
        var typed = nodes.SelectMany(n => SearchWords.Of(n.Node.Name + " " + n.Node.Description))
            .SelectMany(w => Enumerable.Range(1, Math.Min(3, w.Length)).Select(length => w[..length]))
            .Distinct(StringComparer.Ordinal).ToList();

        var compared = await RankedAsFts5Async(temp.DatabasePath, index, nodes.ConvertAll(n => n.Seq), typed);

        Assert.True(compared > 100, $"only {compared} prefixes compared");
        // Prefixes of several tokens were kept in rank order, holding no more nodes than the index's own postings.
        Assert.True(index.PrefixesRanked > 0, "no prefix was kept in rank order");
        Assert.InRange(index.PrefixNodesHeld, 1, index.PostingCount);
        // Once they filled it, the next ones were scanned at each search, and still ranked as FTS5 ranks.
        Assert.True(index.PrefixesScanned > 0, "the kept prefixes never filled what they may hold");
    }

    [Fact]
    public async Task TwoWords_AreMatchedAndRankedAsFts5Does_WhetherMarkedAfreshOrFromKeptBitmaps()
    {
        await using var temp = await SeededAsync();
        var nodes = await ExportedAsync(temp.Store);
        var index = TextIndex.Build(nodes.ConvertAll(n => n.Node), Fts5Tokenizer.Instance);
        var seqs = nodes.ConvertAll(n => n.Seq);
        // A word with the start of another: common words and one-letter starts are held by most nodes (their bitmaps are
        // kept), codes and whole words by few (marked afresh, or read in each candidate's postings).
        var random = new Random(11);
        var words = Vocabulary.Concat(nodes.SelectMany(n => SearchWords.Of(n.Node.Name))).Distinct(StringComparer.Ordinal).ToArray();
        await using var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        var compared = 0;
        for (var i = 0; i < 400; i++)
        {
            var second = words[random.Next(words.Length)];
            var text = words[random.Next(words.Length)] + " " + second[..(1 + random.Next(Math.Min(3, second.Length)))];
            if (index.Prefixes(text) is not { Length: 2 } prefixes)
            {
                continue;
            }
            var expected = await Fts5OrderAsync(connection, text);
            for (var again = 0; again < 2; again++)
            {
                var actual = index.Best(prefixes, 10_000, _ => true).ConvertAll(doc => seqs[doc]);
                Assert.True(expected.SequenceEqual(actual), $"'{text}': FTS5 [{string.Join(", ", expected.Take(12))}…], index [{string.Join(", ", actual.Take(12))}…]");
                Assert.Equal(actual.Order(), index.Matching(prefixes).Select(doc => seqs[doc]));
            }
            compared++;
        }

        Assert.True(compared > 300, $"only {compared} texts compared");
        // Bitmaps of words held by most nodes were kept, taking no more memory than the index's postings.
        Assert.True(index.KeptBitmaps > 0, "no bitmap was kept");
        Assert.InRange(index.KeptBitmapWords * 2, 1, index.PostingCount);
    }

    /// <summary>
    /// Searches each text that is one word to the index twice (the first search of a word may keep its order, the
    /// second reads what was kept) and asks for a page of ten and for every match: each must be FTS5's own order.
    /// </summary>
    /// <returns>How many texts were compared.</returns>
    private static async Task<int> RankedAsFts5Async(string databasePath, TextIndex index, List<long> seqs, List<string> texts)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        var compared = 0;
        foreach (var text in texts)
        {
            if (index.Prefixes(text) is not [var prefix])
            {
                continue;
            }
            var expected = await Fts5OrderAsync(connection, text);
            for (var again = 0; again < 2; again++)
            {
                var page = index.Best([prefix], 10, _ => true).ConvertAll(doc => seqs[doc]);
                var actual = index.Best([prefix], 10_000, _ => true).ConvertAll(doc => seqs[doc]);
                Assert.True(expected.Take(10).SequenceEqual(page), $"'{text}': FTS5 [{string.Join(", ", expected.Take(10))}], index [{string.Join(", ", page)}]");
                Assert.True(expected.SequenceEqual(actual), $"'{text}': FTS5 [{string.Join(", ", expected.Take(12))}…], index [{string.Join(", ", actual.Take(12))}…]");
            }
            compared++;
        }
        return compared;
    }

    /// <summary>Every node matching every typed word, in FTS5's own order: rank, then rowid (the node's seq).</summary>
    private static async Task<List<long>> Fts5OrderAsync(SqliteConnection connection, string word)
    {
        await using var rank = connection.CreateCommand();
        rank.CommandText = "SELECT rowid FROM nodes_fts WHERE nodes_fts MATCH @fts ORDER BY rank, rowid";
        rank.Parameters.AddWithValue("@fts", string.Join(' ', SearchWords.Of(word).Select(w => "\"" + w + "\"*")));
        var expected = new List<long>();
        await using var reader = await rank.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            expected.Add(reader.GetInt64(0));
        }
        return expected;
    }

    /// <summary>What someone might type: a word, its start, two words, changed case or accents, punctuation, or nothing found.</summary>
    private static string Typed(Random random, string[] words, List<(Node Node, long Seq)> nodes)
    {
        string Word() => words[random.Next(words.Length)];
        return random.Next(8) switch
        {
            0 => Word(),
            1 => Word() is var w && w.Length > 2 ? w[..(1 + random.Next(w.Length - 1))] : w,
            2 => Word() + " " + Word()[..1],
            3 => Word().ToUpperInvariant() + ", " + Word().ToLowerInvariant(),
            4 => nodes[random.Next(nodes.Count)].Node.Name,
            5 => Word().Replace('e', 'é').Replace('a', 'â'),
            6 => "\"" + Word() + "\" AND (" + Word() + ")*",
            _ => AwkwardNames[random.Next(AwkwardNames.Length)].Split(' ')[0] + " " + (random.Next(2) == 0 ? "zzqx" : ""),
        };
    }

    /// <summary>A generated graph, and private actors of an authority named with awkward characters.</summary>
    private static async Task<TempStore> SeededAsync()
    {
        var temp = await TempStore.CreateAsync();
        using var buffer = new MemoryStream();
        using (var writer = new NdjsonGraphWriter(buffer))
        {
            new GraphGenerator(GeneratorScale.Demo).Generate(writer);
        }
        var imported = await new ImportRunner(temp.Store).RunAsync(new StringReader(Encoding.UTF8.GetString(buffer.ToArray())), null, Ct);
        Assert.True(imported.Completed);
        var authority = (await temp.Store.ListNodesAsync(Viewer.Everything, new NodeQuery { Kinds = [NodeKind.Authority] }, new PageRequest(1, null), Ct)).Items[0].Item.Id;
        var upserts = AwkwardNames.SelectMany((name, i) => new[]
        {
            new NodeUpsert(new SseActor { Id = $"awkward-{i}", Name = name, Description = AwkwardNames[(i + 3) % AwkwardNames.Length], LegalForm = LegalForm.Association }, ["nodes", 2 * i]),
            new NodeUpsert(new SseActor { Id = $"private-{i}", Name = name + " privé", LegalForm = LegalForm.Cooperative, PrivateTo = authority }, ["nodes", 2 * i + 1]),
        }).ToList();
        // Names and descriptions of every length, words repeated: the ranking's length and frequency terms all count.
        var random = new Random(3);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
        for (var i = 0; i < 400; i++)
        {
            upserts.Add(new NodeUpsert(new SseActor
            {
                Id = $"worded-{i}",
                Name = Words(1 + random.Next(4)),
                Description = random.Next(4) == 0 ? null : Words(random.Next(30)),
                LegalForm = LegalForm.Association,
                PrivateTo = i % 5 == 0 ? authority : null,
            }, ["nodes", upserts.Count]));
        }
        var written = await temp.Store.WriteAsync(new GraphBatch { Nodes = upserts }, Ct);
        Assert.True(written.Succeeded, TestItems.Messages(written));
        return temp;
    }

    private static async Task<List<(Node Node, long Seq)>> ExportedAsync(EmbeddedGraphStore store)
    {
        var collector = new SeqCollector();
        await store.ExportAsync(Viewer.Everything, collector, Ct);
        return collector.Nodes;
    }

    private sealed class SeqCollector : ISequencedSink
    {
        public List<(Node Node, long Seq)> Nodes { get; } = [];

        public void AddNode(Node node, long seq) => Nodes.Add((node, seq));

        public void AddLink(Link link, long seq)
        {
        }

        public void AddNode(Node node) => throw new InvalidOperationException("seq expected");

        public void AddLink(Link link) => throw new InvalidOperationException("seq expected");
    }
}
