using System.Security.Cryptography;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Support;

/// <summary>
/// The app with the demo staff accounts, for the feature tests: signs staff in (one cookie-holding client each),
/// seeds case records, and reads the hub's tables and files.
/// </summary>
public class FeatureApp : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [Set("Staff:DemoAccounts", "true")];

    /// <summary>A client signed in as the demo account <paramref name="username"/>.</summary>
    public Task<HttpClient> SignInAsync(string username) => App.SignInAsync(username);

    /// <summary>Writes a case record held by <paramref name="officeCode"/> (as the Cases feature would), with consent to every purpose, and returns its id.</summary>
    public async Task<string> SeedCaseAsync(string officeCode, string? mentorUsername = null)
    {
        var caseId = TestCaseIds.For(officeCode, "T-" + RandomNumberGenerator.GetHexString(8));
        var entity = new TableEntity(caseId, caseId)
        {
            [CaseOffices.OfficeCodeProperty] = officeCode,
            ["ConsentJson"] = """{"recordedBy":"test","recordedAt":"2026-01-01T00:00:00Z","scope":["Programme","ShareWithMentors","ShareWithFinancingPartners","ProductPromotion"]}""",
        };
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
    public TableClient Table(string name) => App.Table(name);

    /// <summary>The rows of the hub's table <c>{hub}{name}</c>; none when it does not exist yet.</summary>
    public Task<List<TableEntity>> RowsAsync(string name) => App.RowsAsync(name);

    /// <summary>The rows of <c>{hub}{name}</c> in partition <paramref name="partitionKey"/>.</summary>
    public Task<List<TableEntity>> PartitionAsync(string name, string partitionKey) => App.PartitionAsync(name, partitionKey);

    /// <summary>The names of the blobs in the hub's file container that start with <paramref name="prefix"/>.</summary>
    public Task<List<string>> BlobNamesAsync(string? prefix = null) => App.BlobNamesAsync(prefix);
}
