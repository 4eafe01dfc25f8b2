using System.Diagnostics;

namespace CoopGraph.Tests.Shared;

/// <summary>
/// Waits for something a background loop brings about (a retry, a rebuild), asking again every few milliseconds until
/// it holds or the time is up; returns whether it held, so the test asserts it with its own message.
/// </summary>
public static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan within, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }
            if (clock.Elapsed > within)
            {
                return false;
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(10));
        }
    }

    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan within) =>
        HoldsAsync(() => Task.FromResult(condition()), within);
}
