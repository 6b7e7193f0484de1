using System.Diagnostics;
using PepFunctions.Durable.Storage;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

/// <summary>Separate worker processes serving one task hub.</summary>
public sealed class MultiProcessTests
{
    [Fact]
    public async Task Workers_TwoProcessesShareAHub_EveryInstanceCompletesAndBothServe()
    {
        await using var hub = await TestHub.StartAsync(r => Benchmarks.Workloads.Register(r), workers: 0);
        var workers = await Task.WhenAll(StartWorkerProcessAsync(hub), StartWorkerProcessAsync(hub));
        try
        {
            var ids = Enumerable.Range(0, 60).Select(i => $"multi-{i:D3}").ToArray();
            foreach (var id in ids)
            {
                await hub.Client.StartNewAsync(nameof(Benchmarks.Workloads.Sequence), 10, new StartOrchestrationOptions { InstanceId = id });
            }

            var instances = hub.GetInternal<InstanceStore>();
            var servedBy = new List<string?>();
            foreach (var id in ids)
            {
                var done = await hub.WaitAsync(id);
                Assert.Equal(15, done.ReadOutputAs<int>());
                servedBy.Add((await instances.GetAsync(id, withDocument: false, CancellationToken.None))!.LastWorker);
            }

            Assert.All(workers, worker => Assert.Contains(worker.Id, servedBy));
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private static async Task<WorkerProcess> StartWorkerProcessAsync(TestHub hub)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PepFunctions.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "worker", "--hub", hub.HubName, "--connection", hub.ConnectionString },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = await process.StandardOutput.ReadLineAsync();
            if (line is null)
            {
                break;
            }

            if (line.StartsWith("worker ", StringComparison.Ordinal) && line.Contains(" serving ", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                return new WorkerProcess(process, line.Split(' ')[1]);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"Worker process did not start: {await process.StandardError.ReadToEndAsync()}");
    }

    private sealed record WorkerProcess(Process Process, string Id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await Process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }
}
