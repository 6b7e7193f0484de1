using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PepFunctions.App.Files;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;
using PepFunctions.Durable;

namespace PepFunctions.App.Tests.Support;

/// <summary>
/// The app with the demo staff accounts, for the training, capital, marketing and sweep tests: signs staff in
/// (one cookie-holding client each), seeds case records, reads the feature tables, and on dispose deletes every
/// table and the file container of its hub.
/// </summary>
internal sealed class FeatureApp : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private FeatureApp(TestApp app)
    {
        App = app;
        var storage = app.Services.GetRequiredService<IOptions<DurableStorageOptions>>().Value;
        ConnectionString = storage.ConnectionString;
    }

    public TestApp App { get; }

    public string ConnectionString { get; }

    public static async Task<FeatureApp> StartAsync(params string[] settings) =>
        new(await TestApp.StartAsync(["--Staff:DemoAccounts=true", .. settings]));

    /// <summary>A client signed in as the demo account <paramref name="username"/>.</summary>
    public async Task<HttpClient> SignInAsync(string username)
    {
        var client = new HttpClient { BaseAddress = App.Http.BaseAddress, Timeout = App.Http.Timeout };
        _clients.Add(client);
        using var response = await client.PostAsJsonAsync("/api/session", new { username, password = "pep-demo" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>Writes a case record held by <paramref name="officeCode"/> (as the Cases feature would) and returns its id.</summary>
    public async Task<string> SeedCaseAsync(string officeCode, string? mentorUsername = null)
    {
        var caseId = CaseIds.For(officeCode, "T-" + RandomNumberGenerator.GetHexString(8));
        var entity = new TableEntity(caseId, caseId) { [CaseOffices.OfficeCodeProperty] = officeCode };
        if (mentorUsername is not null)
        {
            entity[CaseOffices.MentorUsernameProperty] = mentorUsername;
        }

        var table = Table(CaseOffices.CasesTable);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(entity);
        return caseId;
    }

    /// <summary>The hub's table <c>{hub}{name}</c>.</summary>
    public TableClient Table(string name) => new TableServiceClient(ConnectionString).GetTableClient(App.HubName + name);

    /// <summary>The rows of the hub's table <c>{hub}{name}</c>; none when it does not exist yet.</summary>
    public async Task<List<TableEntity>> RowsAsync(string name)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in Table(name).QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }

        return rows;
    }

    /// <summary>The names of the blobs in the hub's file container.</summary>
    public async Task<List<string>> BlobNamesAsync()
    {
        var container = Files();
        var names = new List<string>();
        if (!await container.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
        var tables = new TableServiceClient(ConnectionString);
        await foreach (var table in tables.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {App.HubName} and TableName lt {App.HubName + "~"}")))
        {
            await tables.DeleteTableAsync(table.Name);
        }

        await Files().DeleteIfExistsAsync();
    }

    private BlobContainerClient Files() => new(ConnectionString, App.HubName.ToLowerInvariant() + "-files");
}
