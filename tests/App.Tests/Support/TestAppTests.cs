using PepFunctions.App.Tests.Cases;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Support;

/// <summary>The harness itself: every test class leaves the shared Azurite as it found it.</summary>
public sealed class TestAppTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DisposeAsync_AfterAPipelineStep_DeletesEveryTableQueueAndContainerOfTheHub()
    {
        var app = await TestApp.StartAsync([new("Staff:DemoAccounts", "true")]);
        var (connectionString, hubName) = (app.ConnectionString, app.HubName);
        List<string> used;
        try
        {
            var lapas = await app.SignInAsync("lapas.kupang");
            var caseId = await CaseApp.EnrolAsync(lapas);
            await app.WaitForInstanceAsync(caseId, i => i.SerializedCustomStatus is not null, "its first step");
            used = await TaskHubStorage.ListAsync(connectionString, hubName);
        }
        finally
        {
            await app.DisposeAsync();
        }

        output.WriteLine(string.Join(Environment.NewLine, used));
        Assert.Contains($"table {hubName}Instances", used);
        Assert.Contains($"table {hubName}Cases", used);
        Assert.Contains($"queue {hubName}-workitems", used);
        Assert.Empty(await TaskHubStorage.ListAsync(connectionString, hubName));
    }
}
