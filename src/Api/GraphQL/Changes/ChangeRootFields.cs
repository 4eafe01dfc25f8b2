using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Graph.Changes;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Changes;

/// <summary>The change feed: what partners mirroring the graph ask for instead of exporting it again.</summary>
public static class ChangeRootFields
{
    public const int DefaultFirst = 100;
    public const int MaxFirst = 1000;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ChangeConnectionType>>("changes")
            .Description("Every change of committed writes the caller can see, in commit order, resumable by cursor (across restarts). " +
                "Start with sinceVersion: the version of an export (/api/export's X-CoopGraph-Version); then go on with after: endCursor. " +
                "Changes are kept Graph:Changes:RetentionDays (90 by default): asking from before that answers CHANGES_EXPIRED, with the oldest version kept.")
            .Argument<StringGraphType>("after", "The changes after this cursor (an endCursor or edge cursor of this feed).")
            .Argument<IntGraphType>("first", a =>
            {
                a.Description = $"How many changes to return, 0 to {MaxFirst}.";
                a.DefaultValue = DefaultFirst;
            })
            .Argument<LongGraphType>("sinceVersion", "Only the changes of the versions after this one.")
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument<int?>("first") ?? DefaultFirst;
                if (first is < 0 or > MaxFirst)
                {
                    throw BadInput.Error($"'first' must be between 0 and {MaxFirst} (got {first}).");
                }
                var cursor = Paging.Paging.Decode(c.GetArgument<string?>("after"));
                long after = 0;
                if (cursor is not null && !long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after))
                {
                    throw BadInput.Error("'after' is not a cursor of the change feed.");
                }
                var feed = c.RequestServices!.GetRequiredService<IChangeFeed>();
                try
                {
                    return await feed.ReadChangesAsync(c.Viewer(), new ChangeQuery(after, first, c.GetArgument<long?>("sinceVersion")), c.CancellationToken);
                }
                catch (ChangesExpiredException e)
                {
                    var error = new ExecutionError(e.Message) { Code = ErrorCodes.ChangesExpired };
                    error.Data["oldestVersion"] = e.OldestVersion;
                    throw error;
                }
            });
    }
}
