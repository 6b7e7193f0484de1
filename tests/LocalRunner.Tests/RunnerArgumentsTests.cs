namespace PepFunctions.LocalRunner.Tests;

/// <summary>The runner's command line: <c>--app DIR [--settings FILE] [--urls URL] [--set Key=Value ...] [--no-timers]</c>.</summary>
public sealed class RunnerArgumentsTests
{
    [Fact]
    public void Parse_EveryOption_FillsTheOptions()
    {
        var options = RunnerArguments.Parse([
            "--app", "src/App/bin/Release/net10.0", "--settings", "/tmp/local.settings.json", "--urls", "http://127.0.0.1:7072",
            "--set", "Pipeline__FollowUpCount=1", "--set", "AzureWebJobsStorage=UseDevelopmentStorage=true", "--no-timers"]);

        Assert.Equal("src/App/bin/Release/net10.0", options.AppDirectory);
        Assert.Equal("/tmp/local.settings.json", options.SettingsFile);
        Assert.Equal("http://127.0.0.1:7072", options.Urls);
        Assert.Equal("1", options.Settings["Pipeline__FollowUpCount"]);
        Assert.Equal("UseDevelopmentStorage=true", options.Settings["AzureWebJobsStorage"]);
        Assert.False(options.RunTimers);
    }

    [Fact]
    public void Parse_OnlyTheApp_RunsTimersOnTheDefaultUrlsWithTheSettingsFoundInTheCurrentFolder()
    {
        var options = RunnerArguments.Parse(["--app", "app"]);

        Assert.True(options.RunTimers);
        Assert.Null(options.Urls);
        Assert.Empty(options.Settings);
        Assert.Equal(LocalSettings.Find(Environment.CurrentDirectory), options.SettingsFile);
    }

    [Fact]
    public void Parse_SameSettingTwice_TheLastOneWins()
    {
        var options = RunnerArguments.Parse(["--app", "app", "--set", "TaskHubName=One", "--set", "taskhubname=Two"]);

        Assert.Equal("Two", Assert.Single(options.Settings).Value);
    }

    [Fact]
    public void Parse_EmptyValue_SetsTheSettingEmpty()
    {
        var options = RunnerArguments.Parse(["--app", "app", "--set", "Notifications__Sender="]);

        Assert.Equal("", options.Settings["Notifications__Sender"]);
    }

    [Fact]
    public void Parse_NoApp_SaysItIsRequired()
    {
        var refused = Assert.Throws<ArgumentException>(() => RunnerArguments.Parse(["--no-timers"]));

        Assert.Contains("--app", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--app")]
    [InlineData("--settings")]
    [InlineData("--urls")]
    [InlineData("--set")]
    public void Parse_OptionWithoutItsValue_NamesTheOption(string option)
    {
        var refused = Assert.Throws<ArgumentException>(() => RunnerArguments.Parse(["--app", "app", option]));

        Assert.Contains($"{option} needs a value", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NoEquals")]
    [InlineData("=Value")]
    public void Parse_SetWithoutKeyAndValue_ShowsWhatItTakes(string pair)
    {
        var refused = Assert.Throws<ArgumentException>(() => RunnerArguments.Parse(["--app", "app", "--set", pair]));

        Assert.Contains("Key=Value", refused.Message, StringComparison.Ordinal);
        Assert.Contains(pair, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownArgument_NamesItAndShowsTheUsage()
    {
        var refused = Assert.Throws<ArgumentException>(() => RunnerArguments.Parse(["--app", "app", "--port", "7071"]));

        Assert.Contains("'--port'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--app DIR", refused.Message, StringComparison.Ordinal);
    }
}
