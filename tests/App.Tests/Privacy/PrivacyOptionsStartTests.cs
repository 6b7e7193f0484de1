using Microsoft.Extensions.Options;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Privacy;

public sealed class PrivacyOptionsStartTests
{
    [Theory]
    [InlineData("")]
    [InlineData("too-short-for-a-key")]
    public async Task Start_NoOrShortCaseIdKey_FailsNamingTheSetting(string key)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync([new("Privacy:CaseIdKey", key)]));

        Assert.Contains("Privacy:CaseIdKey", failure.Message, StringComparison.Ordinal);
    }
}
