namespace CoopGraph.Graph.Embedded;

/// <summary>How a batch's links reach the <c>links</c> table.</summary>
internal enum LinkWrite
{
    /// <summary>Insert, or update a link that is already there: the general case, which needs the unique index on ids.</summary>
    Upsert,

    /// <summary>Insert only: every link is proven new and named once in the batch (a bulk load's batch checked ahead).</summary>
    InsertNew,
}
