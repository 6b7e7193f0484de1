using System.Diagnostics;
using System.Runtime.InteropServices;
using PepFunctions.Benchmarks;

// Stop at once on Ctrl+C or TERM: the hosted runner's console lifetime would otherwise wait for a clean shutdown
// that the benchmark never asks for. Nothing needs saving; Azurite runs in memory.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Process.GetCurrentProcess().Kill());
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Process.GetCurrentProcess().Kill());

// See BenchmarkOptions for the command line and BENCHMARKS.md for what each part measures; scripts/bench runs it.
return await BenchmarkRun.RunAsync(BenchmarkOptions.Parse(args));
