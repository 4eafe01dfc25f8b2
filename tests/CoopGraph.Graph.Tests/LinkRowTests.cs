using CoopGraph.Domain.Model;
using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// The read model holds a link as a row of numbers and gives it back as a <see cref="Link"/>: every value must come back
/// as it went in, amounts with their own scale and sign, and texts as one instance per text.
/// </summary>
public sealed class LinkRowTests
{
    public static TheoryData<Link> Links() => new()
    {
        new Link { Id = "l:1", Type = LinkType.WorksOn, SourceId = "a", TargetId = "b" },
        new Link
        {
            Id = "l:2", Type = LinkType.CooperatesWith, SourceId = "a", TargetId = "b", Since = new DateOnly(1, 1, 1),
            Until = new DateOnly(9999, 12, 31), CooperationKind = CooperationKind.Consortium, Intensity = 5, Note = "since always",
            Source = "survey", PrivateTo = "auth:R01",
        },
        new Link
        {
            Id = "l:3", Type = LinkType.Funds, SourceId = "a", TargetId = "b", Instrument = Instrument.PublicContract, Amount = 45000.00m,
            Domain = PolicyDomain.Culture, Year = 0,
        },
        new Link { Id = "l:4", Type = LinkType.Funds, SourceId = "a", TargetId = "b", Amount = decimal.MaxValue, Year = -3 },
        new Link { Id = "l:5", Type = LinkType.Funds, SourceId = "a", TargetId = "b", Amount = -0.0000000000000000000000000001m },
        new Link { Id = "l:6", Type = LinkType.Funds, SourceId = "a", TargetId = "b", Amount = decimal.MinValue, Intensity = 0 },
        new Link { Id = "l:7", Type = LinkType.AppliedTo, SourceId = "a", TargetId = "b", Outcome = ApplicationOutcome.Lost, Year = 2024 },
        new Link { Id = "l:8", Type = LinkType.Involves, SourceId = "a", TargetId = "b", Stage = InvolvementStage.Evaluation },
        new Link { Id = "l:9", Type = LinkType.Funds, SourceId = "a", TargetId = "b", Amount = 0m },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public void ARow_GivesBackTheLinkItWasMadeFrom(Link link)
    {
        var texts = new TextTable.Editor(TextTable.Empty);
        var row = new LinkRow(link, texts);

        var back = row.ToLink(link.Id, link.SourceId, link.TargetId, texts.Build());

        Assert.Equal(link, back);
        // Equal decimals of another scale print otherwise: the scale must come back too.
        Assert.Equal(link.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture), back.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EveryEnumValue_ComesBack()
    {
        var texts = TextTable.Empty;
        foreach (var type in Enum.GetValues<LinkType>())
        {
            foreach (var kind in Enum.GetValues<CooperationKind>())
            {
                var link = new Link { Id = "l", Type = type, SourceId = "a", TargetId = "b", CooperationKind = kind };
                Assert.Equal(link, new LinkRow(link, new TextTable.Editor(texts)).ToLink("l", "a", "b", texts));
            }
        }
        foreach (var instrument in Enum.GetValues<Instrument>())
        {
            foreach (var domain in Enum.GetValues<PolicyDomain>())
            {
                var link = new Link { Id = "l", Type = LinkType.Funds, SourceId = "a", TargetId = "b", Instrument = instrument, Domain = domain };
                Assert.Equal(link, new LinkRow(link, new TextTable.Editor(texts)).ToLink("l", "a", "b", texts));
            }
        }
        foreach (var outcome in Enum.GetValues<ApplicationOutcome>())
        {
            foreach (var stage in Enum.GetValues<InvolvementStage>())
            {
                var link = new Link { Id = "l", Type = LinkType.AppliedTo, SourceId = "a", TargetId = "b", Outcome = outcome, Stage = stage };
                Assert.Equal(link, new LinkRow(link, new TextTable.Editor(texts)).ToLink("l", "a", "b", texts));
            }
        }
    }

    [Fact]
    public void ATable_NumbersEachTextOnce_AndAnEditorCopiesItOnlyForANewText()
    {
        var editor = new TextTable.Editor(TextTable.Empty);
        var first = editor.Number(new string('x', 3));
        Assert.Equal(first, editor.Number(new string('x', 3)));
        Assert.Equal(0, editor.Number(null));
        var table = editor.Build();
        Assert.Equal(1, table.Count);
        Assert.Null(table[0]);

        var same = new TextTable.Editor(table);
        Assert.Equal(first, same.Number("xxx"));
        Assert.Same(table, same.Build());

        var grown = new TextTable.Editor(table);
        var second = grown.Number("y");
        var next = grown.Build();
        Assert.NotSame(table, next);
        Assert.Equal(("xxx", "y"), (next[first], next[second]));
        Assert.Same(table[first], next[first]);
        // The table before is left as it was: a snapshot holding it still reads every number it gave.
        Assert.Equal(1, table.Count);
    }
}
