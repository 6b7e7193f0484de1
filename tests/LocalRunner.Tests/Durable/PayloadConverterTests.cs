using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PepFunctions.LocalRunner.Durable;
using PepFunctions.LocalRunner.Tests.Support;

namespace PepFunctions.LocalRunner.Tests.Durable;

/// <summary>
/// Payloads are written with the app's own worker serializer (<c>WorkerOptions.Serializer</c>), as the Durable Functions
/// worker extension writes them (Azure/azure-functions-durable-extension <c>ObjectConverterShim</c>); without one, with
/// the SDK's <c>JsonDataConverter.Default</c>.
/// </summary>
public sealed class PayloadConverterTests
{
    private static readonly Sample Value = new("case-lpp-kupang-1", 3, new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public void For_RealApp_WritesWhatTheAppsWorkerSerializerWrites()
    {
        using var app = RealApp();
        var serializer = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;

        var written = PayloadConverter.For(app.Services).Serialize(Value);

        Assert.Equal(serializer.Serialize(Value, typeof(Sample), default)!.ToString(), written);
        Assert.Equal(Value, PayloadConverter.For(app.Services).Deserialize<Sample>(written));
    }

    [Fact]
    public void For_NoWorkerSerializer_IsTheSdksDefault()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var written = PayloadConverter.For(services).Serialize(Value);

        Assert.Equal(JsonDataConverter.Default.Serialize(Value), written);
        Assert.Contains("\"CaseId\"", written, StringComparison.Ordinal);
    }

    private static IHost RealApp()
    {
        var assembly = FunctionMetadataReader.Read(AppBuild.Directory, AppLoader.Load)[0].Method.DeclaringType!.Assembly;
        return AppLoader.BuildHost(assembly, [$"--contentRoot={AppBuild.Directory}"]);
    }

    public sealed record Sample(string CaseId, int FollowUpCount, DateTimeOffset DueAt);
}
