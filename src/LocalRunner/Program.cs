using System.Runtime.InteropServices;
using PepFunctions.LocalRunner;

// Usage: PepFunctions.LocalRunner --app <the function app's build output> [--settings <local.settings.json>]
//        [--urls http://127.0.0.1:7071] [--set Key=Value ...] [--no-timers]
var options = RunnerArguments.Parse(args);
await using var host = await FunctionHost.StartAsync(options);
Console.WriteLine($"Functions host (local runner) on {host.BaseAddress} with {host.Functions.Count} functions; Ctrl+C stops it.");
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
Console.WriteLine("Stopping.");

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
