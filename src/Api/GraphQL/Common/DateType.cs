using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Common;

/// <summary>A calendar day, yyyy-MM-dd. Named <c>Date</c> as analysts expect (GraphQL.NET calls its DateOnly scalar "DateOnly").</summary>
public sealed class DateType : DateOnlyGraphType
{
    public DateType()
    {
        Name = "Date";
        Description = "A calendar day, written yyyy-MM-dd (ISO 8601).";
    }
}
