using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using PepFunctions.App.Tests.Faults;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Staff;

/// <summary>
/// The data-protection key ring is kept in Blob Storage, so a form (its antiforgery token and cookie) rendered by one
/// instance is accepted by another: here two runner processes on the same storage and task hub, each with a home
/// folder of its own (where the keys would otherwise be kept).
/// </summary>
public sealed partial class KeyRingTests : IDisposable
{
    private readonly List<DirectoryInfo> _homes = [];

    [Fact]
    public async Task SignInForm_RenderedByOneProcessPostedToAnother_IsAccepted()
    {
        var azurite = await AzuriteHost.SharedAsync();
        var hub = TestNames.Hub("keys");
        using var first = Runner(azurite.ConnectionString, hub);
        using var second = Runner(azurite.ConnectionString, hub);
        try
        {
            await Task.WhenAll(first.StartAsync(), second.StartAsync());
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

            using var form = await http.GetAsync(new Uri(first.BaseAddress, "/masuk"));
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            var token = TokenField().Match(await form.Content.ReadAsStringAsync()).Groups["token"].Value;
            var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(second.BaseAddress, "/masuk"))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Username"] = "lapas.kupang",
                    ["Password"] = "pep-demo",
                }),
            };
            post.Headers.Add("Cookie", cookies);
            using var signedIn = await http.SendAsync(post);

            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{signedIn.StatusCode}: {second.Tail()}");
            Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        }
        finally
        {
            first.Dispose();
            second.Dispose();
            await Support.TaskHubStorage.DeleteAsync(azurite.ConnectionString, hub);
        }
    }

    public void Dispose()
    {
        foreach (var home in _homes)
        {
            home.Delete(recursive: true);
        }
    }

    private RunnerProcess Runner(string connectionString, string hub)
    {
        var home = Directory.CreateTempSubdirectory("pep-home-");
        _homes.Add(home);
        return new RunnerProcess(RunnerProcess.FreeLoopbackPort(), new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["TaskHubName"] = hub,
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount"] = "1",
            ["Staff__DemoAccounts"] = "true",
            ["Demo__Seed"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        }, new Dictionary<string, string> { ["HOME"] = home.FullName });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();
}
