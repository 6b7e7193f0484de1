using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PepFunctions.App.Hosting;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Hosting;

public sealed class FunctionsHostingTests
{
    [Fact]
    public void ResolveUrl_NothingConfigured_ListensOnFuncStartPort7071()
    {
        Assert.Equal("http://localhost:7071", FunctionsHosting.ResolveUrl(Config()));
    }

    [Fact]
    public void ResolveUrl_LocalHttpPortFromLocalSettings_ListensOnIt()
    {
        Assert.Equal("http://localhost:7072", FunctionsHosting.ResolveUrl(Config(("Host:LocalHttpPort", "7072"))));
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:5000")]
    [InlineData("http_ports", "8080")]
    public void ResolveUrl_UrlsOrPortsConfigured_KeepsThem(string key, string value)
    {
        Assert.Null(FunctionsHosting.ResolveUrl(Config((key, value), ("Host:LocalHttpPort", "7072"))));
    }

    [Fact]
    public void ResolveUrl_CustomHandlerPortSet_ListensOnItWhateverElseIsConfigured()
    {
        var config = Config(("FUNCTIONS_CUSTOMHANDLER_PORT", "40123"), ("urls", "http://127.0.0.1:5000"), ("Host:LocalHttpPort", "7072"));

        Assert.Equal("http://localhost:40123", FunctionsHosting.ResolveUrl(config));
    }

    [Theory]
    [InlineData("FUNCTIONS_CUSTOMHANDLER_PORT", "http")]
    [InlineData("Host:LocalHttpPort", "70000")]
    [InlineData("Host:LocalHttpPort", "-1")]
    public void ResolveUrl_NotAPort_ThrowsNamingTheSetting(string key, string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => FunctionsHosting.ResolveUrl(Config((key, value))));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_CustomHandlerPortSet_ServesOnThatPort()
    {
        var port = TestApp.FreeLoopbackPort();
        await using var app = await TestApp.StartAsync($"--FUNCTIONS_CUSTOMHANDLER_PORT={port}");
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void HostJson_StartsThisAppAsCustomHandlerWithForwarding()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "host.json")));
        var handler = host.RootElement.GetProperty("customHandler");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal(typeof(Program).Assembly.GetName().Name, handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        // The app's routes already start with /api (and /openapi is outside it), so the host adds no prefix.
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void FunctionJson_IsAnAnonymousCatchAllHttpTrigger()
    {
        using var function = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "App", "api", "function.json")));
        var bindings = function.RootElement.GetProperty("bindings").EnumerateArray().ToArray();

        var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal("{*route}", trigger.GetProperty("route").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(7, trigger.GetProperty("methods").GetArrayLength());
        Assert.Single(bindings, b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "out");
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
