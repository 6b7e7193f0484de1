using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PepFunctions.App.Privacy;
using PepFunctions.App.Tests.Cases;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Privacy;

/// <summary><c>docs/privacy.md</c> names every place the app writes: checked against the hub's storage after a walk and an erasure.</summary>
public sealed partial class PrivacyDocumentTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    [Fact]
    public async Task PrivacyDocument_EveryTableContainerAndQueueTheAppWrites_IsNamed()
    {
        var admin = await app.SignInAsync("admin");
        var caseId = await PersonWalk.WalkAsync(app, Person.New());
        await ErasureApi.EraseAsync(admin, caseId, "Document check");
        var document = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "docs", "privacy.md"));

        var written = await HubPlacesAsync();
        var missing = written.Concat(PersonalDataPlaces.Tables.Select(p => p.Table))
            .Distinct(StringComparer.Ordinal)
            .Where(name => !document.Contains($"`{name}`", StringComparison.Ordinal))
            .ToList();

        Assert.Contains("Cases", written);
        Assert.Contains("files", written);
        Assert.Contains("workitems", written);
        Assert.Empty(missing);
    }

    /// <summary>The hub's tables, containers and queues, without the hub's prefix (a control queue's number as <c>NN</c>).</summary>
    private async Task<List<string>> HubPlacesAsync()
    {
        var hub = app.App.HubName;
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(app.App.ConnectionString).QueryAsync())
        {
            if (table.Name.StartsWith(hub, StringComparison.Ordinal))
            {
                names.Add(table.Name[hub.Length..]);
            }
        }

        var prefix = hub.ToLowerInvariant() + "-";
        await foreach (var container in new BlobServiceClient(app.App.ConnectionString).GetBlobContainersAsync(prefix: prefix))
        {
            names.Add(container.Name[prefix.Length..]);
        }

        await foreach (var queue in new QueueServiceClient(app.App.ConnectionString).GetQueuesAsync(prefix: prefix))
        {
            names.Add(ControlNumber().Replace(queue.Name[prefix.Length..], "-NN"));
        }

        return names;
    }

    [GeneratedRegex("-[0-9]{2}$")]
    private static partial Regex ControlNumber();
}
