using System.Diagnostics;
using System.Globalization;

namespace PepFunctions.Benchmarks;

/// <summary>
/// How busy the machine was during a measurement (Linux /proc): this process (runner, engine and proxy), each
/// Azurite process, and the whole machine, which other work may share.
/// </summary>
internal sealed class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly IReadOnlyDictionary<string, int> _processes;
    private readonly Dictionary<string, long> _start;
    private readonly (long Busy, long Total) _machineStart;
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    private CpuMeter(IReadOnlyDictionary<string, int> processes)
    {
        _processes = processes;
        _start = processes.ToDictionary(p => p.Key, p => ProcessTicks(p.Value));
        _machineStart = MachineTicks();
    }

    /// <summary>Starts measuring this process and the named <paramref name="others"/> (name → pid).</summary>
    public static CpuMeter Start(IReadOnlyDictionary<string, int> others) =>
        new(new Dictionary<string, int>(others) { ["benchmark"] = Environment.ProcessId });

    /// <summary>What each process used since the start, and how busy the machine was.</summary>
    public CpuUse Stop()
    {
        var seconds = _watch.Elapsed.TotalSeconds;
        var (busy, total) = MachineTicks();
        var used = _processes.ToDictionary(p => p.Key, p => (ProcessTicks(p.Value) - _start[p.Key]) / TicksPerSecond);
        var machine = (double)(busy - _machineStart.Busy) / Math.Max(1, total - _machineStart.Total);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return new CpuUse(used, seconds, machine, load);
    }

    private static long ProcessTicks(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return 0;
        }

        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static (long Busy, long Total) MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4];
        var total = cpu.Take(8).Sum();
        return (total - idle, total);
    }
}

/// <summary>CPU seconds per process over <paramref name="Seconds"/> of wall time; the machine's share busy; its load average.</summary>
internal sealed record CpuUse(IReadOnlyDictionary<string, double> Used, double Seconds, double MachineBusy, string LoadAverage)
{
    /// <summary>E.g. <c>benchmark 120 %, azurite-queue 95 % of a core; machine (2 cores) 98 % busy, load average 3.1</c>.</summary>
    public override string ToString() =>
        $"{string.Join(", ", Used.Select(u => $"{u.Key} {u.Value / Seconds:P0}"))} of a core; " +
        $"machine ({Environment.ProcessorCount} cores) {MachineBusy:P0} busy, load average {LoadAverage}";

    /// <summary>CPU milliseconds per item, a cost that other work on the machine barely changes: <c>azurite-queue 12.0 ms, ...</c>.</summary>
    public string Per(int items) => string.Join(", ", Used.Select(u => $"{u.Key} {u.Value * 1000 / items:F1} ms"));
}
