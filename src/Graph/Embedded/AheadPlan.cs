using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// A batch checked ahead against a load's memory: the plan, the memory that took it in (the write is valid only while
/// it is current), how its links reach the table, and its rows encoded for SQLite (on the checking thread, so that the
/// writer only binds).
/// </summary>
internal sealed record AheadPlan(WritePlan Plan, BulkLoadMemory Memory, LinkWrite LinkWrite, PlanRows Rows);

/// <summary>A prepared write checked ahead of its write: valid while the load's assumptions hold (see <see cref="BulkLoadState"/>).</summary>
internal sealed record CheckedAheadWrite(GraphBatch Batch, long Sequence, AheadPlan Plan) : PreparedWrite(Batch);
