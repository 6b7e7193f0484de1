using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PepFunctions.App.Health;
using PepFunctions.App.Http;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Health;

/// <summary>
/// <c>GET /api/health</c> when what it probes does not answer, called as a function with a mocked durable client
/// (the runner cannot start on storage that does not answer).
/// </summary>
public sealed class HealthFunctionsTests
{
    private readonly HealthProbe _probe = new(
        new TableServiceClient(UnreachableStorage()), Options.Create(new HealthOptions { StorageTimeout = TimeSpan.FromSeconds(1), CacheFor = TimeSpan.Zero }), NullLogger<HealthProbe>.Instance);

    private readonly Mock<DurableTaskClient> _client = new("hub");

    [Fact]
    public async Task GetAsync_StorageAndTaskHubUnreachable_Returns503SayingWhich()
    {
        _client.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Returns(Pageable.Create<OrchestrationMetadata>((_, _, _) => throw new RequestFailedException(503, "Storage is down")));
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();

        var result = await new HealthFunctions(new StaffApi(), _probe).GetAsync(http.Request, _client.Object);
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Response.Body);
        Assert.Equal(("Unhealthy", "unreachable", "unreachable"),
            (body.GetProperty("status").GetString(), body.GetProperty("storage").GetString(), body.GetProperty("durable").GetString()));
    }

    [Fact]
    public async Task CheckAsync_TaskHubAnswersButStorageDoesNot_IsUnhealthy()
    {
        _client.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Returns(Pageable.Create((_, _, _) => Task.FromResult(new Microsoft.DurableTask.Page<OrchestrationMetadata>([], null))));

        var health = await _probe.CheckAsync(_client.Object, CancellationToken.None);

        Assert.Equal(new HealthResponse("Unhealthy", "unreachable", "reachable"), health);
    }

    [Fact]
    public async Task CheckAsync_CalledAgainWithinTheCachePeriod_ReadsStorageOnce()
    {
        var azurite = await AzuriteHost.SharedAsync();
        var counting = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counting, Azure.Core.HttpPipelinePosition.PerCall);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var probe = new HealthProbe(new TableServiceClient(azurite.ConnectionString, options),
            Options.Create(new HealthOptions { CacheFor = TimeSpan.FromSeconds(5) }), NullLogger<HealthProbe>.Instance, clock);

        var first = await probe.CheckAsync(null, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(4));
        var second = await probe.CheckAsync(null, CancellationToken.None);
        var afterFirst = counting.Count;
        clock.Advance(TimeSpan.FromSeconds(2));
        await probe.CheckAsync(null, CancellationToken.None);

        Assert.Equal((HealthResponse.Healthy, HealthResponse.Healthy), (first.Status, second.Status));
        Assert.Equal(1, afterFirst);
        Assert.Equal(2, counting.Count);
    }

    /// <summary>Counts the requests a client sends.</summary>
    private sealed class CountingPolicy : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => _count;

        public override void OnSendingRequest(Azure.Core.HttpMessage message) => Interlocked.Increment(ref _count);
    }

    /// <summary>Storage on a loopback port where nothing listens.</summary>
    private static string UnreachableStorage()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        return $"DefaultEndpointsProtocol=http;AccountName={AzuriteHost.AccountName};AccountKey={AzuriteHost.AccountKey};" +
            $"TableEndpoint=http://127.0.0.1:{port}/{AzuriteHost.AccountName};";
    }
}
