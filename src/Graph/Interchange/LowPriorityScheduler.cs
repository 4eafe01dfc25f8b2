using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// Runs an import on threads of its own at a lower operating-system priority, so that a server busy importing still
/// answers reads first: on two cores an import's three stages would otherwise take the cores from every request
/// (reads during an import ran at four to five times their idle p99, `{ __typename }` included). With nothing else to
/// run, a lower priority costs the import nothing. Work started on these threads stays on them: each await resumes on
/// the scheduler it began on, and the stages are started here too.
/// </summary>
internal sealed partial class LowPriorityScheduler : TaskScheduler
{
    // Linux's nice value for these threads: a thread at nice 10 gets about a tenth of a core that a thread at 0 wants.
    private const int Niceness = 10;
    private const int PriorityOfProcess = 0;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly int _threads;

    [ThreadStatic]
    private static bool t_isWorker;

    /// <summary>One per process: the threads live as long as it, idle between imports.</summary>
    public static LowPriorityScheduler Shared { get; } = new(threads: 4);

    private LowPriorityScheduler(int threads)
    {
        _threads = threads;
        for (var i = 0; i < threads; i++)
        {
            new Thread(Work) { IsBackground = true, Name = "import" }.Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads;

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Only a worker runs a task inline: a request thread waiting on an import's task never runs it at its own priority.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => t_isWorker && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        t_isWorker = true;
        Lower();
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            // A task run inline before it was dequeued is already done: TryExecuteTask then does nothing.
            TryExecuteTask(task);
        }
    }

    private static void Lower()
    {
        if (OperatingSystem.IsLinux())
        {
            // Lowering one's own priority needs no privilege; a failure leaves the thread as it was, which is only slower reads.
            _ = SetPriority(PriorityOfProcess, GetThreadId(), Niceness);
        }
        else if (OperatingSystem.IsWindows())
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
