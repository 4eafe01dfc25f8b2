using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Domain.Tests;

public sealed class PipelinedSinkTests
{
    [Fact]
    public void EverythingReachesTheInnerSink_InOrder_AcrossBlocks()
    {
        var inner = new TopologyCollector();
        using (var pipeline = new PipelinedSink(inner))
        {
            for (var i = 0; i < 20_000; i++)
            {
                pipeline.AddNode(new Theme { Id = $"t{i}", Name = "t", Domain = PolicyDomain.Social });
            }
            for (var i = 0; i < 30_000; i++)
            {
                pipeline.AddLink(new Link { Id = $"l{i}", Type = LinkType.CooperatesWith, SourceId = "t0", TargetId = $"t{i % 20_000}" });
            }
            pipeline.Complete();
        }

        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => $"t{i}"), inner.Nodes.Select(n => n.Id));
        Assert.Equal(Enumerable.Range(0, 30_000).Select(i => $"l{i}"), inner.Links.Select(l => l.Id));
    }

    [Fact]
    public void AFailureOfTheInnerSink_IsRethrownOnTheExportingThread()
    {
        var builder = new ProjectionBuilder();
        using var pipeline = new PipelinedSink(builder);
        pipeline.AddNode(new Theme { Id = "a", Name = "a", Domain = PolicyDomain.Social });
        // A link whose end is not a node: the builder refuses it on its own thread.
        pipeline.AddLink(new Link { Id = "l", Type = LinkType.CooperatesWith, SourceId = "a", TargetId = "missing" });

        var error = Assert.Throws<InvalidOperationException>(pipeline.Complete);
        Assert.IsType<ArgumentException>(error.InnerException);
    }

    [Fact]
    public void AnExportThatStopsHalfway_StillEndsTheBuilderThread()
    {
        var inner = new TopologyCollector();
        var pipeline = new PipelinedSink(inner);
        for (var i = 0; i < 10_000; i++)
        {
            pipeline.AddNode(new Theme { Id = $"t{i}", Name = "t", Domain = PolicyDomain.Social });
        }

        pipeline.Dispose();

        // The first full block had been handed over; the rest was never sent, and nothing hangs.
        Assert.Equal(8192, inner.Nodes.Count);
    }
}
