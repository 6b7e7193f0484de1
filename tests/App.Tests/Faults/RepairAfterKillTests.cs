using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Tests.Support;
using PepFunctions.Testing;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Faults;

/// <summary>
/// The runner killed (<c>kill -9</c>) between a staff action's record and the pipeline's event, and started again, with
/// nobody sending the action again: the pipeline repair finds the action in the unfinished-actions index and finishes
/// it by itself, within about a minute of the action (the settle window, <c>Sweeps:RepairAfter</c>, plus up to one
/// period of <c>Sweeps:PipelineRepair</c>, as set in local.settings.sample.json), not at some later scan of every case.
/// </summary>
/// <remarks>
/// The runner's table traffic goes through <see cref="HoldingTableProxy"/>, which holds the assessment's first write
/// after its record (its timeline entry, written before the event): the runner is killed while that write hangs, so
/// the record is stored and the pipeline never told. The sweep's schedule and settle window are the sample settings'.
/// </remarks>
public sealed class RepairAfterKillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Runner_KilledBetweenTheRecordAndTheEvent_ThePipelineRepairFinishesTheActionByItself()
    {
        var azurite = await AzuriteHost.SharedAsync();
        var hub = TestNames.Hub("killrepair");
        await using var proxy = new HoldingTableProxy(azurite.TablePort);
        var viaProxy = azurite.ConnectionString.Replace($"127.0.0.1:{azurite.TablePort}/", $"127.0.0.1:{proxy.Port}/", StringComparison.Ordinal);
        var runner = new RunnerProcess(RunnerProcess.FreeLoopbackPort(), RunnerProcess.EngineSettings(viaProxy, hub));
        var cases = new TableServiceClient(azurite.ConnectionString).GetTableClient(hub + CaseTables.Cases);
        try
        {
            await runner.StartAsync();
            using var lapas = new StaffClient(runner.BaseAddress, "lapas.kupang");
            await lapas.SignInAsync(output.WriteLine, CancellationToken.None);
            var (enrolled, _) = await lapas.SendAsync(HttpMethod.Post, "/api/cases", new
            {
                officeCode = Domain.Offices.LppKupang,
                registrationNumber = $"KILL-{Guid.NewGuid():N}"[..16],
                fullName = "Peserta Uji",
                expectedReleaseDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"),
                consent = new { recordedBy = "lapas.kupang", recordedAt = DateTimeOffset.UtcNow, scope = new[] { "Programme" } },
            }, "enrol", "enrol", output.WriteLine, CancellationToken.None);
            var caseId = (await enrolled.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("caseId").GetString()!;
            enrolled.Dispose();
            await WaitForStageAsync(cases, caseId, "Assessment");

            // The assessment: held at its timeline entry (after the record, before the event), then the runner is killed.
            var held = proxy.HoldNextWriteTo(CaseTables.Timeline);
            using var cutOff = new CancellationTokenSource();
            var assessing = lapas.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/assessment", new
            {
                interests = new[] { "TenunWeaving" },
                priorSkills = Array.Empty<string>(),
                education = "Primary",
                canReadWrite = true,
                preferredBusiness = "Crafts",
            }, "assess-once", "assessment", output.WriteLine, cutOff.Token);
            var actionAt = Stopwatch.StartNew();
            output.WriteLine($"held: {await held.WaitAsync(TimeSpan.FromMinutes(1))}");
            runner.Kill();
            await cutOff.CancelAsync(); // nobody sends the action again
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => assessing);
            proxy.Disarm();
            var record = (await cases.GetEntityAsync<TableEntity>(caseId, caseId)).Value;
            Assert.NotNull(record.GetString("AssessmentKey")); // the record is written ...
            Assert.Equal("Assessment", record.GetString("Stage")); // ... and the pipeline was never told

            await runner.StartAsync();
            await WaitForStageAsync(cases, caseId, "Training");
            output.WriteLine($"The pipeline moved on {actionAt.Elapsed.TotalSeconds:F0} s after the action was cut off.");

            var timeline = new TableServiceClient(azurite.ConnectionString).GetTableClient(hub + CaseTables.Timeline);
            var entries = timeline.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"));
            var assessed = 0;
            await foreach (var entry in entries)
            {
                assessed += entry.GetString("Action") == "AssessmentRecorded" ? 1 : 0;
            }

            Assert.Equal(1, assessed);
            var index = new TableServiceClient(azurite.ConnectionString).GetTableClient(hub + UnfinishedActions.TableName);
            await foreach (var row in index.QueryAsync<TableEntity>())
            {
                Assert.Fail($"The index still holds {row.RowKey}.");
            }
        }
        finally
        {
            runner.Dispose();
            await TaskHubStorage.DeleteAsync(azurite.ConnectionString, hub);
        }
    }

    private async Task WaitForStageAsync(TableClient cases, string caseId, string stage)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseId, caseId);
            if (row.HasValue && row.Value!.GetString("Stage") == stage)
            {
                return;
            }

            Assert.True(deadline.Elapsed < Limit, $"Case {caseId} did not reach {stage} within {Limit}; it is at {(row.HasValue ? row.Value!.GetString("Stage") : "(no record)")}.");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
