using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Interchange;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Writes;

/// <summary>Maps one input item; <c>errors</c> collects what cannot be expressed in the domain item itself.</summary>
public delegate T ItemMapper<out T>(InputReader input, IReadOnlyList<object> path, List<UserError> errors);

/// <summary>The shape every upsert mutation shares: a list argument <c>input</c>, an atomic batch, a <see cref="WritePayloadType"/>.</summary>
public static class UpsertFields
{
    public static void AddNodeUpsert<TInputType>(ObjectGraphType mutation, string name, string what, ItemMapper<NodeUpsert> map)
        where TInputType : IInputObjectGraphType =>
        Add<TInputType>(mutation, name, what, async (c, items, errors) =>
            await WriteRunner.RunAsync(c, new GraphBatch { Nodes = items.Select((item, i) => map(item, ["input", i], errors)).ToList() }, errors));

    public static void AddLinkUpsert<TInputType>(ObjectGraphType mutation, string name, string what, ItemMapper<LinkUpsert> map)
        where TInputType : IInputObjectGraphType =>
        Add<TInputType>(mutation, name, what, async (c, items, errors) =>
            await WriteRunner.RunAsync(c, new GraphBatch { Links = items.Select((item, i) => map(item, ["input", i], errors)).ToList() }, errors));

    private static void Add<TInputType>(
        ObjectGraphType mutation, string name, string what,
        Func<IResolveFieldContext, List<InputReader>, List<UserError>, Task<CoopGraph.Graph.WriteResult>> run)
        where TInputType : IInputObjectGraphType
    {
        mutation.Field<NonNullGraphType<WritePayloadType>>(name)
            .Description($"Creates or replaces {what}, at most {Limits.MaxBatchSize} a batch, atomically: one invalid item and nothing is written, and every invalid item is reported.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<TInputType>>>>("input", "The items, at most 1,000; written all together or not at all.")
            .ResolveAsync(async c => await run(c, WriteRunner.ReadItems(c, "input").Select(i => new InputReader(i)).ToList(), []));
    }
}
