using System.Globalization;

namespace PepFunctions.Benchmarks;

/// <summary>
/// The command line: <c>[all|engine|staff|bulk|steps|idle|scale ...] [--scale-sizes 1000,10000] [--n 1000] [--staff 1,20] [--actions 100] [--think-ms 2000]
/// [--concurrency 16] [--idle-seconds 60] [--app DIR] [--durable key=value ...] [--set Key=Value ...] [--no-count]
/// [--azurite-ports 10100,10101,10102] [--azurite-pids blob=PID,queue=PID,table=PID]</c>.
/// </summary>
internal sealed class BenchmarkOptions
{
    public const string DurablePrefix = "AzureFunctionsJobHost:extensions:durableTask:";

    public static readonly string[] AllParts = ["engine", "staff", "bulk", "steps", "idle"];

    /// <summary>Parts run only when named (not by <c>all</c>): the scale benchmark seeds tens of thousands of cases.</summary>
    public static readonly string[] NamedParts = ["scale"];

    /// <summary>The parts to run, in the order of <see cref="AllParts"/>.</summary>
    public IReadOnlyList<string> Parts { get; private set; } = AllParts;

    /// <summary>Pipelines in the bulk enrolment, and sequences in the bare engine's run.</summary>
    public int N { get; private set; } = 1000;

    /// <summary>Concurrent staff in the latency runs.</summary>
    public IReadOnlyList<int> Staff { get; private set; } = [1, 20];

    /// <summary>Staff actions measured per latency run (rounded up to whole rounds of one action per staff member).</summary>
    public int Actions { get; private set; } = 100;

    /// <summary>
    /// A staff member's pause between two actions, on average (0.5 to 1.5 times it): long enough for the engine's idle
    /// queue polling to back off, as it does between real staff actions.
    /// </summary>
    public TimeSpan Think { get; private set; } = TimeSpan.FromSeconds(2);

    /// <summary>Concurrent starts (bare engine) and enrolments (bulk).</summary>
    public int Concurrency { get; private set; } = 16;

    /// <summary>Pipelines enrolled and assessed in the steps part, which counts storage requests per pipeline step.</summary>
    public int StepPipelines { get; private set; } = 50;

    public int IdleSeconds { get; private set; } = 60;

    /// <summary>Open cases seeded for each run of the scale part (twice as many closed).</summary>
    public IReadOnlyList<int> ScaleSizes { get; private set; } = [1000, 10000];

    /// <summary>The function app's build output.</summary>
    public string AppDirectory { get; private set; } = "src/App/bin/Release/net10.0";

    /// <summary>App settings for the runner, also read for the bare engine's durableTask settings.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether storage requests go through the counting proxy.</summary>
    public bool Count { get; private set; } = true;

    /// <summary>Azurite's blob, queue and table ports.</summary>
    public IReadOnlyList<int> AzuritePorts { get; private set; } = [10100, 10101, 10102];

    /// <summary>Azurite's processes (e.g. <c>queue=1234</c>), whose CPU use each part reports.</summary>
    public Dictionary<string, int> AzuritePids { get; } = [];

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        var parts = new HashSet<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--n": options.N = Int(Value(args, ref i)); break;
                case "--staff": options.Staff = [.. Value(args, ref i).Split(',').Select(Int)]; break;
                case "--actions": options.Actions = Int(Value(args, ref i)); break;
                case "--think-ms": options.Think = TimeSpan.FromMilliseconds(Int(Value(args, ref i))); break;
                case "--concurrency": options.Concurrency = Int(Value(args, ref i)); break;
                case "--step-pipelines": options.StepPipelines = Int(Value(args, ref i)); break;
                case "--idle-seconds": options.IdleSeconds = Int(Value(args, ref i)); break;
                case "--app": options.AppDirectory = Value(args, ref i); break;
                case "--no-count": options.Count = false; break;
                case "--azurite-ports": options.AzuritePorts = [.. Value(args, ref i).Split(',').Select(Int)]; break;
                case "--azurite-pids":
                    foreach (var pair in Value(args, ref i).Split(','))
                    {
                        options.AzuritePids["azurite-" + pair.Split('=')[0]] = Int(pair.Split('=')[1]);
                    }

                    break;
                case "--set": options.Put("", Value(args, ref i)); break;
                case "--durable": options.Put(DurablePrefix, Value(args, ref i)); break;
                case "all": parts.UnionWith(AllParts); break;
                case var part when AllParts.Contains(part) || NamedParts.Contains(part): parts.Add(part); break;
                case "--scale-sizes": options.ScaleSizes = [.. Value(args, ref i).Split(',').Select(Int)]; break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Parts: all, {string.Join(", ", AllParts)}; options: --n, --staff, " +
                        "--actions, --think-ms, --concurrency, --step-pipelines, --idle-seconds, --scale-sizes, --app, --durable key=value, --set Key=Value, --no-count, --azurite-ports, --azurite-pids.");
            }
        }

        if (parts.Count > 0)
        {
            options.Parts = [.. AllParts.Concat(NamedParts).Where(parts.Contains)];
        }

        return options;
    }

    private void Put(string prefix, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"Expected Key=Value, not '{pair}'.");
        }

        Settings[prefix + pair[..equals].Replace("__", ":", StringComparison.Ordinal)] = pair[(equals + 1)..];
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
