using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using PepFunctions.App.Tests.Cases;
using PepFunctions.App.Tests.Privacy;
using PepFunctions.App.Tests.Support;
using PepFunctions.Testing;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Faults;

/// <summary>
/// An erasure requested, then the local runner killed outright (<c>kill -9</c>) before its work is done, and started again:
/// the erasure finishes unattended; meanwhile a view, a correction and a repair of the case are refused; afterwards no table,
/// blob or queue of the account holds the person's name, NIK or registration number, and the case id only in the erasure's own record.
/// </summary>
/// <remarks>
/// The runner is a child process on a task hub of its own. The erasure's work waits <c>Privacy:ErasureSettle</c> (20 seconds
/// here) after the request, so the kill falls after the request was answered (fence set, pipeline asked to end) and before
/// the background work ran; the restarted runner's <c>ErasureSweep</c> timer (every 10 seconds) picks it up with nobody asking.
/// </remarks>
public sealed class ErasureCrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Erase_RunnerKilledBeforeTheWorkIsDone_FinishesAfterRestartAndLeavesNothingOfThePerson()
    {
        var azurite = await AzuriteHost.SharedAsync();
        var hub = TestNames.Hub("erase");
        using var runner = new RunnerProcess(RunnerProcess.FreeLoopbackPort(), Settings(azurite.ConnectionString, hub));
        try
        {
            await runner.StartAsync();
            using var lapas = await SignInAsync(runner, "lapas.kupang");
            using var admin = await SignInAsync(runner, "admin");
            var person = Person.New();
            var caseId = await WalkAsync(lapas, admin, person);

            using (var requested = await admin.PostAsJsonAsync($"/api/cases/{caseId}/erasure", new { reason = "Permintaan subjek data" }))
            {
                Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
                Assert.Equal($"/api/cases/{caseId}/erasure", requested.Headers.Location?.OriginalString);
            }

            using var view = await lapas.GetAsync($"/api/cases/{caseId}");
            using var correction = await lapas.PostAsJsonAsync($"/api/cases/{caseId}/correction", new { fullName = person.FirstName + " Baru" });
            using var repair = await admin.PostAsync("/api/sweeps/PipelineRepair/run", null);
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK), (view.StatusCode, correction.StatusCode, repair.StatusCode));
            Assert.Equal(0, (await repair.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repaired").GetInt32());
            var before = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/erasure");
            Assert.Equal(JsonValueKind.Null, before.GetProperty("completedAt").ValueKind);

            runner.Kill();
            await runner.StartAsync();
            var done = await WaitForCompletionAsync(admin, caseId);

            Assert.Equal(("Completed", "admin"), (done.GetProperty("step").GetString(), done.GetProperty("requestedBy").GetString()));
            Assert.Empty(await StorageScan.FindAsync(azurite.ConnectionString, person.Identifying));
            var holders = await StorageScan.FindAsync(azurite.ConnectionString, caseId);
            Assert.True(holders.All(place => place.StartsWith($"table {hub}Erasures ({caseId}, erasure)", StringComparison.Ordinal)),
                string.Join(Environment.NewLine, holders));
            Assert.NotEmpty(holders);
        }
        catch
        {
            output.WriteLine(runner.Tail());
            throw;
        }
        finally
        {
            runner.Dispose();
            await TaskHubStorage.DeleteAsync(azurite.ConnectionString, hub);
        }
    }

    /// <summary>Enrols the person, records the assessment, a referral, a product with a photo and a correction.</summary>
    private static async Task<string> WalkAsync(HttpClient lapas, HttpClient admin, Person person)
    {
        var caseId = await CaseApp.EnrolAsync(lapas, person.Enrollment());
        await WaitForStageAsync(lapas, caseId, "Assessment");
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Accepted);
        await WaitForStageAsync(lapas, caseId, "Training");
        await CaseApp.PostAsync(admin, $"/api/cases/{caseId}/referrals",
            new { partnerName = "Bank NTT", kind = "KurBank", amount = 5_000_000, purpose = "Alat tenun" }, HttpStatusCode.Created);
        await PersonWalk.AddProductWithPhotoAsync(lapas, caseId);

        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/correction", new { fullName = $"{person.FirstName} {person.LastName}a" }, HttpStatusCode.OK);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/correction", new { fullName = $"{person.FirstName} {person.LastName}" }, HttpStatusCode.OK);
        return caseId;
    }

    private static async Task WaitForStageAsync(HttpClient staff, string caseId, string stage)
    {
        var deadline = DateTime.UtcNow + Limit;
        while ((await staff.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("progress").GetProperty("stage").GetString() != stage)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Case {caseId} did not reach {stage}.");
            await Task.Delay(250);
        }
    }

    private static async Task<JsonElement> WaitForCompletionAsync(HttpClient admin, string caseId)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            using var response = await admin.GetAsync($"/api/cases/{caseId}/erasure");
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<JsonElement>() is { } line
                && line.GetProperty("completedAt").ValueKind != JsonValueKind.Null)
            {
                return line;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The erasure of {caseId} did not finish after the restart.");
            await Task.Delay(500);
        }
    }

    private static async Task<HttpClient> SignInAsync(RunnerProcess runner, string username)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = runner.BaseAddress, Timeout = Limit };
        using var response = await client.PostAsJsonAsync("/api/session", new { username, password = TestApp.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static Dictionary<string, string> Settings(string connectionString, string hub) => new(RunnerProcess.EngineSettings(connectionString, hub))
    {
        ["Privacy__ErasureSettle"] = "00:00:20",
        ["Sweeps__PipelineRepair"] = "0 0 0 1 1 *",
        ["Sweeps__RepairAfter"] = "00:00:00",
    };
}
