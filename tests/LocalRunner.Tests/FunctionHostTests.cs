using System.Net;
using System.Text.RegularExpressions;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.LocalRunner.Tests.Support;
using Xunit.Abstractions;

namespace PepFunctions.LocalRunner.Tests;

/// <summary>
/// The runner hosts every function in the real app's <c>functions.metadata</c>: each HTTP route answers from the
/// app, each timer's schedule resolves, each orchestrator and activity is registered with the engine's worker.
/// </summary>
public sealed partial class FunctionHostTests(RealAppHost app, ITestOutputHelper output) : IClassFixture<RealAppHost>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public void Functions_RealApp_AreEveryFunctionOfItsMetadata()
    {
        var listed = AppBuild.ReadMetadata(AppBuild.Directory).Select(e => e!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(listed, app.Host.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HttpTriggers_EveryRouteAndMethodWithoutBodyOrSignIn_AnswerFromTheApp()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Host.BaseAddress, Timeout = WaitLimit };
        var answers = new List<string>();
        var wrong = new List<string>();
        foreach (var function in app.Host.Functions.Where(f => f.Trigger.Type == "httpTrigger"))
        {
            var path = "/" + RouteParameter().Replace(function.Trigger.Route ?? function.Name, m => m.Groups["optional"].Success ? "" : SampleValue(m.Groups["constraint"].Value));
            Assert.NotNull(function.Trigger.Methods);
            foreach (var method in function.Trigger.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var answer = $"{function.Name}: {request.Method} {path} -> {(int)response.StatusCode}";
                answers.Add(answer);
                output.WriteLine(answer);
                if (response.StatusCode == HttpStatusCode.MethodNotAllowed || (response.StatusCode == HttpStatusCode.NotFound && body.Length == 0))
                {
                    wrong.Add($"{answer}, the runner's own answer: no function took the request");
                }
                else if ((int)response.StatusCode >= 500)
                {
                    wrong.Add($"{answer}: {body}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, ["Not answered by the app:", .. wrong, "All answers:", .. answers]));
    }

    [Fact]
    public void TimerTriggers_EveryScheduleFromTheAppSettings_Resolves()
    {
        var configuration = app.Host.AppServices.GetRequiredService<IConfiguration>();
        var timers = app.Host.Functions.Where(f => f.Trigger.Type == "timerTrigger").ToList();

        Assert.NotEmpty(timers);
        Assert.All(timers, timer => Assert.NotNull(TimerTriggers.Schedule(timer, configuration).GetNextOccurrence(DateTime.UtcNow)));
    }

    [Fact]
    public void DurableFunctions_EveryOrchestratorAndActivity_IsRegisteredWithTheWorker()
    {
        var orchestrators = NamesOf("orchestrationTrigger");
        var activities = NamesOf("activityTrigger");

        Assert.NotEmpty(orchestrators);
        Assert.NotEmpty(activities);
        Assert.Equal(orchestrators, app.Host.Engine.Orchestrations.Names.Order(StringComparer.Ordinal));
        Assert.Equal(activities, app.Host.Engine.Activities.Names.Order(StringComparer.Ordinal));
        Assert.All(orchestrators, name => Assert.NotNull(app.Host.Engine.Orchestrations.GetObject(name, "")));
        Assert.All(activities, name => Assert.NotNull(app.Host.Engine.Activities.GetObject(name, "")));
        Assert.Null(app.Host.Engine.Activities.GetObject("NoSuchActivity", ""));
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_CasePipelineWithoutACaseRecord_RunsItsFirstActivityOnTheEngine()
    {
        // The pipeline's first step records progress on the case record; with no record the activity fails, which shows
        // the orchestrator read its input and the activity ran the app's code, without waiting for the pipeline's retries.
        var client = app.Host.Client;
        var instanceId = "case-runner-check-" + Guid.NewGuid().ToString("N");
        var input = new
        {
            CaseId = instanceId,
            OfficeCode = "LPP-KUPANG",
            ExpectedRelease = DateTimeOffset.UtcNow.AddDays(30),
            Durations = new
            {
                AssessmentDeadline = TimeSpan.FromMinutes(10),
                FollowUpInterval = TimeSpan.FromMinutes(1),
                FollowUpCount = 1,
                ReminderLead = TimeSpan.FromSeconds(10),
                GracePeriod = TimeSpan.FromSeconds(10),
                GraduationMonths = 1,
                ProgrammePeriod = TimeSpan.FromMinutes(10),
            },
        };

        await client.ScheduleNewOrchestrationInstanceAsync("CasePipeline", input, new StartOrchestrationOptions(instanceId));
        try
        {
            var failed = await WaitForHistoryAsync<TaskFailedEvent>(client, instanceId);
            var history = await client.GetOrchestrationHistoryAsync(instanceId);

            var scheduled = Assert.Single(history.OfType<TaskScheduledEvent>(), e => e.EventId == failed.TaskScheduledId);
            Assert.Equal("RecordProgress", scheduled.Name);
            Assert.Contains($"Case '{instanceId}' has no record", failed.FailureDetails?.ErrorMessage ?? failed.Reason, StringComparison.Ordinal);
        }
        finally
        {
            await client.TerminateInstanceAsync(instanceId);
        }
    }

    [Fact]
    public void StartAsync_SettingsFileWithLocalHttpPort_ListensOnThatPort() =>
        Assert.Equal(app.ConfiguredPort, app.Host.BaseAddress.Port);

    [Fact]
    public void StartAsync_SettingsFileValues_ReachTheAppWithDoubleUnderscoresAsSections()
    {
        var configuration = app.Host.AppServices.GetRequiredService<IConfiguration>();

        Assert.Equal(app.SampleValues["Pipeline__FollowUpInterval"]!.GetValue<string>(), configuration["Pipeline:FollowUpInterval"]);
        Assert.Null(configuration["Pipeline__FollowUpInterval"]);
    }

    private List<string> NamesOf(string trigger) =>
        [.. app.Host.Functions.Where(f => f.Trigger.Type == trigger).Select(f => f.Name).Order(StringComparer.Ordinal)];

    private static async Task<T> WaitForHistoryAsync<T>(DurableTaskClient client, string instanceId) where T : HistoryEvent
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            if ((await client.GetOrchestrationHistoryAsync(instanceId)).OfType<T>().FirstOrDefault() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Orchestration {instanceId} has no {typeof(T).Name} after {WaitLimit}.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A value that satisfies a route parameter's constraint (none, int, long, guid, bool...); optional parameters are left out.</summary>
    private static string SampleValue(string constraint) => constraint switch
    {
        _ when constraint.Contains("int", StringComparison.Ordinal) || constraint.Contains("long", StringComparison.Ordinal) => "1",
        _ when constraint.Contains("guid", StringComparison.Ordinal) => "00000000-0000-0000-0000-000000000001",
        _ when constraint.Contains("bool", StringComparison.Ordinal) => "true",
        _ => "x",
    };

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:=?]+)(?<constraint>(:[^}=?]+)*)(=[^}]*)?(?<optional>\?)?\}")]
    private static partial Regex RouteParameter();
}
