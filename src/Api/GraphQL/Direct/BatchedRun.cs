using System.Buffers;
using System.Collections;
using System.Text.Json;
using CoopGraph.Api.GraphQL.Loading;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Direct;

/// <summary>
/// One execution of a <see cref="DocumentPlan"/> whose reads go to a store, which answers keys in batches. Values are
/// resolved round by round, as GraphQL.NET does: every field that can be resolved without waiting is, every load met on
/// the way is queued, and only then are the loads awaited — the first await of a loader fetches every key queued for
/// it, so a page of links reads all its ends in one call. A load's value may hold more loads: they make the next round.
/// When nothing is left to wait for, the tree of values is written as JSON. What <see cref="DirectRun"/> gives back
/// to GraphQL.NET, this gives back too.
/// </summary>
internal sealed class BatchedRun(RunState run)
{
    private List<Slot> _pending = [];

    public async ValueTask<byte[]> ExecuteAsync()
    {
        var root = Resolve(run.Plan.Root, run.Schema.Query!, null, null);
        while (_pending.Count > 0)
        {
            var round = _pending;
            _pending = [];
            foreach (var slot in round)
            {
                var value = slot.Value switch
                {
                    IDataLoaderResult load => await load.GetResultAsync(run.CancellationToken),
                    Task<object?> task => await task,
                    _ => throw new InvalidOperationException("Only loads and tasks are pending."),
                };
                Complete(slot, value);
            }
        }
        if (run.Failed)
        {
            throw new DirectRun.Declined();
        }
        var buffer = new ArrayBufferWriter<byte>(2048);
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = run.Plan.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(RunState.Data);
            Write(writer, root);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The entries of one object: each field's resolver is called with a context of its own, which its load
    /// may still read when it completes in a later round.</summary>
    private Slot[] Resolve(PlannedField[] fields, IObjectGraphType type, object? source, ResolveFieldContext? parent)
    {
        var slots = new Slot[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Definition is not { } definition)
            {
                slots[i] = new Slot(null, field, null) { Value = type.Name };
                continue;
            }
            var context = run.Context(type, source, parent);
            run.Aim(context, field, definition);
            var slot = slots[i] = new Slot(definition.ResolvedType!, field, context);
            var resolved = (definition.Resolver ?? NameFieldResolver.Instance).ResolveAsync(context);
            if (resolved.IsCompletedSuccessfully)
            {
                Complete(slot, resolved.Result);
            }
            else
            {
                slot.Value = resolved.AsTask();
                _pending.Add(slot);
            }
        }
        return slots;
    }

    /// <summary>Gives the slot its value: a serialized scalar, null, a list of slots, an object's slots, or (until a
    /// later round) the load it waits for.</summary>
    private void Complete(Slot slot, object? value)
    {
        while (value is IKnownResult known)
        {
            value = known.Value;
        }
        if (value is IDataLoaderResult)
        {
            slot.Value = value;
            _pending.Add(slot);
            return;
        }
        var type = slot.Type!;
        var nonNull = type is NonNullGraphType;
        if (nonNull)
        {
            type = ((NonNullGraphType)type).ResolvedType!;
        }
        slot.Value = type switch
        {
            ScalarGraphType scalar => value is null ? null : scalar.Serialize(value),
            _ when value is null => null,
            ListGraphType list when value is IEnumerable items and not string => Items(slot, list.ResolvedType!, items),
            IAbstractGraphType or IObjectGraphType => Below(slot, run.ObjectTypeOf(type, value), value),
            _ => throw new DirectRun.Declined(),
        };
        // A null where the schema says non-null is an error GraphQL.NET reports.
        if (slot.Value is null && nonNull)
        {
            throw new DirectRun.Declined();
        }
    }

    /// <summary>The entries of an object below the slot's field.</summary>
    private Slot[] Below(Slot slot, IObjectGraphType type, object value) => Resolve(slot.Field.On(type), type, value, slot.Context);

    private List<Slot> Items(Slot slot, IGraphType itemType, IEnumerable items)
    {
        var slots = new List<Slot>();
        foreach (var item in items)
        {
            var itemSlot = new Slot(itemType, slot.Field, slot.Context);
            slots.Add(itemSlot);
            Complete(itemSlot, item);
        }
        return slots;
    }

    private void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case Slot[] entries:
                writer.WriteStartObject();
                foreach (var entry in entries)
                {
                    writer.WritePropertyName(entry.Field.EncodedKey);
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case List<Slot> items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item.Value);
                }
                writer.WriteEndArray();
                break;
            default:
                run.WriteScalar(writer, value);
                break;
        }
    }

    /// <summary>A place in the answer: a field's value or a list's item, of a type, under a field of the plan.</summary>
    private sealed class Slot(IGraphType? type, PlannedField field, ResolveFieldContext? context)
    {
        public IGraphType? Type { get; } = type;

        public PlannedField Field { get; } = field;

        /// <summary>The context of the field the value is of: the parent of the objects below it.</summary>
        public ResolveFieldContext? Context { get; } = context;

        public object? Value { get; set; }
    }
}
