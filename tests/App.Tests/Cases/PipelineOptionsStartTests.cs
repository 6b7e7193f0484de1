using Microsoft.Extensions.Options;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Cases;

public sealed class PipelineOptionsStartTests
{
    [Fact]
    public async Task Start_InvalidPipelineOptions_FailsNamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(
            [new("Pipeline:FollowUpCount", "0"), new("Pipeline:ReminderLead", "40.00:00:00")]));

        Assert.Contains("Pipeline:FollowUpCount", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Pipeline:ReminderLead", failure.Message, StringComparison.Ordinal);
    }
}
