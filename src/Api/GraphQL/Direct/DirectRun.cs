using System.Buffers;
using System.Collections;
using System.Text.Json;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;
using GraphQL.Types;
using CoopGraph.Api.GraphQL.Loading;

namespace CoopGraph.Api.GraphQL.Direct;

/// <summary>
/// One execution of a <see cref="DocumentPlan"/>: every field's own resolver runs, in document order, and its value is
/// written as JSON as soon as it is there. Anything GraphQL.NET would answer with an error (a resolver that throws, a
/// null where the schema says non-null, a value of no possible type, an error or extension a resolver adds) makes the
/// run give up with <see cref="Declined"/>, and GraphQL.NET then runs the request and reports it its own way.
/// </summary>
internal sealed class DirectRun(RunState run)
{
    public async ValueTask<byte[]> ExecuteAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = run.Plan.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(RunState.Data);
            await WriteObjectAsync(writer, run.Plan.Root, run.Schema.Query!, null, null);
            writer.WriteEndObject();
        }
        if (run.Failed)
        {
            throw new Declined();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private async ValueTask WriteObjectAsync(Utf8JsonWriter writer, PlannedField[] fields, IObjectGraphType type, object? source, ResolveFieldContext? parent)
    {
        writer.WriteStartObject();
        // One context per object, moved from field to field: each field's value is written whole (its loads awaited,
        // its objects below written) before the next field runs, so no resolver sees it change under it.
        ResolveFieldContext? context = null;
        foreach (var field in fields)
        {
            writer.WritePropertyName(field.EncodedKey);
            if (field.Definition is not { } definition)
            {
                writer.WriteStringValue(type.Name);
                continue;
            }
            context ??= run.Context(type, source, parent);
            run.Aim(context, field, definition);
            var resolved = (definition.Resolver ?? NameFieldResolver.Instance).ResolveAsync(context);
            // Most fields are scalars read from the object at hand: written on the spot, without an await.
            if (resolved.IsCompletedSuccessfully && TryWriteScalar(writer, definition.ResolvedType!, resolved.Result))
            {
                continue;
            }
            await WriteValueAsync(writer, field, definition.ResolvedType!, resolved.IsCompletedSuccessfully ? resolved.Result : await resolved, context);
        }
        writer.WriteEndObject();
    }

    private async ValueTask WriteValueAsync(Utf8JsonWriter writer, PlannedField field, IGraphType type, object? value, ResolveFieldContext context)
    {
        // A field, or an item of a list, may be a load: its value is what it gives, as many loads down as it takes.
        while (value is IDataLoaderResult load)
        {
            value = load is IKnownResult known ? known.Value : await load.GetResultAsync(run.CancellationToken);
        }
        if (TryWriteScalar(writer, type, value))
        {
            return;
        }
        var nonNull = false;
        if (type is NonNullGraphType required)
        {
            nonNull = true;
            type = required.ResolvedType!;
        }
        if (value is null)
        {
            WriteNull(writer, nonNull);
            return;
        }
        switch (type)
        {
            case ListGraphType list when value is IEnumerable items and not string:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    await WriteValueAsync(writer, field, list.ResolvedType!, item, context);
                }
                writer.WriteEndArray();
                break;
            case IAbstractGraphType or IObjectGraphType:
                var objectType = run.ObjectTypeOf(type, value);
                await WriteObjectAsync(writer, field.On(objectType), objectType, value, context);
                break;
            default:
                throw new Declined();
        }
    }

    /// <summary>Writes the value when the type is a scalar (or enum) and the value is no load; else writes nothing.</summary>
    private bool TryWriteScalar(Utf8JsonWriter writer, IGraphType type, object? value)
    {
        var nonNull = type is NonNullGraphType;
        if ((nonNull ? ((NonNullGraphType)type).ResolvedType : type) is not ScalarGraphType scalar || value is IDataLoaderResult)
        {
            return false;
        }
        if (value is not null && scalar.Serialize(value) is { } serialized)
        {
            run.WriteScalar(writer, serialized);
        }
        else
        {
            WriteNull(writer, nonNull);
        }
        return true;
    }

    private static void WriteNull(Utf8JsonWriter writer, bool nonNull)
    {
        if (nonNull)
        {
            throw new Declined();
        }
        writer.WriteNullValue();
    }

    /// <summary>The run gives the request back to GraphQL.NET.</summary>
    internal sealed class Declined : Exception
    {
    }
}
