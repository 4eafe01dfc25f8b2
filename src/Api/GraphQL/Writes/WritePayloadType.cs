using CoopGraph.Domain.Validation;
using CoopGraph.Graph;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Writes;

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "Why one item of a write was refused. Nothing of a batch is written when any item has an error.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("INVALID_VALUE, NOT_APPLICABLE, REQUIRED, NOT_FOUND, KIND_CONFLICT, INVALID_LINK, DUPLICATE, CONSTRAINT, FORBIDDEN (private data: see privateTo), CONFLICT (the id is taken by data the key cannot see) or TOO_LARGE (more than the store can change in one transaction: split the batch).").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Description("The reason, in plain words.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("path")
            .Description("Where the problem is: the argument, the item's index, the field (e.g. [\"input\", \"3\", \"themeIds\", \"0\"]).")
            .Resolve(c => c.Source.Path.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

public sealed class WritePayloadType : ObjectGraphType<WriteResult>
{
    public WritePayloadType()
    {
        Name = "WritePayload";
        Description = "The outcome of a write: the ids written, or the errors that stopped the whole batch.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids").Description("Ids written, in input order (empty when errors is not).").Resolve(c => c.Source.Ids);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Description("Why items were refused; empty when the batch was written.").Resolve(c => c.Source.Errors);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The store's version after the write.").Resolve(c => c.Source.Version);
    }
}
