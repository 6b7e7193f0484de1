using System.Runtime.InteropServices;
using PepFunctions.LocalRunner;

// Usage: PepFunctions.LocalRunner --app <the function app's build output> [--settings <local.settings.json>]
//        [--urls http://127.0.0.1:7071] [--set Key=Value ...] [--no-timers]
// Ctrl+C (or SIGTERM) stops it: requests in flight finish, timers and the engine stop, all within DrainLimit; a
// second Ctrl+C ends the process at once.
var drainLimit = TimeSpan.FromSeconds(15);
var options = RunnerArguments.Parse(args);
var host = await FunctionHost.StartAsync(options);
Console.WriteLine($"Functions host (local runner) on {host.BaseAddress} with {host.Functions.Count} functions; Ctrl+C stops it.");
using var stop = new CancellationTokenSource();
var signals = 0;
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
Console.WriteLine($"Stopping (at most {drainLimit.TotalSeconds:0} s; Ctrl+C again stops at once).");
var stopped = host.DisposeAsync().AsTask();
if (await Task.WhenAny(stopped, Task.Delay(drainLimit)) != stopped)
{
    Console.Error.WriteLine($"The runner did not stop within {drainLimit.TotalSeconds:0} s; exiting without waiting further.");
    Environment.Exit(1);
}

await stopped;
Console.WriteLine("Stopped.");
return 0;

void Stop(PosixSignalContext context)
{
    // The first signal stops gracefully; a second is left to its default (the process ends).
    if (Interlocked.Increment(ref signals) == 1)
    {
        context.Cancel = true;
        stop.Cancel();
    }
}
