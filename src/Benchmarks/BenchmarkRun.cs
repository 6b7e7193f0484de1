using Microsoft.Extensions.Logging;
using PepFunctions.Benchmarks.App;
using PepFunctions.Benchmarks.Engine;
using PepFunctions.Benchmarks.Storage;

namespace PepFunctions.Benchmarks;

/// <summary>Runs the chosen parts one after another against the same Azurite, then prints every figure in one table.</summary>
internal static class BenchmarkRun
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var ports = options.AzuritePorts;
        await using var azurite = Azurite.Connect(ports[0], ports[1], ports[2], options.Count);
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        var report = new Report();
        var context = new BenchmarkContext(options, azurite, loggerFactory, report);
        Report.Say($"parts: {string.Join(", ", options.Parts)}; storage requests {(options.Count ? "counted by a proxy in front of Azurite" : "not counted")}");

        double? engineStartRate = null;
        foreach (var part in options.Parts)
        {
            if (part != options.Parts[0])
            {
                Report.Say("waiting for Azurite's queue clean-up of the previous part (at most a minute)");
                await azurite.WaitForQueueCleanUpAsync();
            }

            switch (part)
            {
                case "engine":
                    engineStartRate = await EngineBenchmark.RunAsync(context);
                    break;
                case "staff":
                    await StaffLatencyBenchmark.RunAsync(context);
                    break;
                case "bulk":
                    await BulkEnrolmentBenchmark.RunAsync(context, engineStartRate);
                    break;
                case "steps":
                    await StepsBenchmark.RunAsync(context);
                    break;
                case "idle":
                    await IdleBenchmark.RunAsync(context);
                    break;
                case "scale":
                    await ScaleBenchmark.RunAsync(context);
                    break;
            }
        }

        report.PrintTable();
        return 0;
    }
}
