using Microsoft.Extensions.Options;

namespace PepFunctions.App.Tests.Cases;

public sealed class PipelineOptionsStartTests
{
    [Fact]
    public async Task Start_InvalidPipelineOptions_FailsNamingTheSetting()
    {
        var contentRoot = Directory.CreateTempSubdirectory("pep-app-tests-");
        try
        {
            await using var app = Program.Build(
            [
                "--contentRoot", contentRoot.FullName, "--urls", "http://127.0.0.1:0",
                "--AzureWebJobsStorage=UseDevelopmentStorage=true", "--Pipeline:FollowUpCount=0", "--Pipeline:ReminderLead=40.00:00:00",
            ]);

            var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Pipeline:FollowUpCount", failure.Message, StringComparison.Ordinal);
            Assert.Contains("Pipeline:ReminderLead", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            contentRoot.Delete(recursive: true);
        }
    }
}
