namespace PepFunctions.LocalRunner.Tests;

/// <summary><c>local.settings.json</c> becomes configuration as <c>func start</c> makes it.</summary>
public sealed class LocalSettingsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pep-runner-local-settings-");

    [Fact]
    public void Read_ValuesWithDoubleUnderscores_BecomeSectionKeys()
    {
        var file = Write("""
            {
              "IsEncrypted": false,
              "Values": {
                "AzureWebJobsStorage": "UseDevelopmentStorage=true",
                "Pipeline__FollowUpInterval": "00:02:00",
                "AzureFunctionsJobHost__extensions__durableTask__hubName": "Hub"
              }
            }
            """);

        var settings = LocalSettings.Read(file);

        Assert.Equal("UseDevelopmentStorage=true", settings["AzureWebJobsStorage"]);
        Assert.Equal("00:02:00", settings["Pipeline:FollowUpInterval"]);
        Assert.Equal("Hub", settings["AzureFunctionsJobHost:extensions:durableTask:hubName"]);
        Assert.False(settings.ContainsKey("Pipeline__FollowUpInterval"));
    }

    [Fact]
    public void Read_NumbersBooleansAndNulls_BecomeTheirText()
    {
        var file = Write("""{ "Values": { "Pipeline__FollowUpCount": 3, "Staff__DemoAccounts": true, "Unset": null } }""");

        var settings = LocalSettings.Read(file);

        Assert.Equal("3", settings["Pipeline:FollowUpCount"]);
        Assert.Equal("true", settings["Staff:DemoAccounts"]);
        Assert.Null(settings["Unset"]);
    }

    [Fact]
    public void Read_HostLocalHttpPort_BecomesTheRunnersPortKey()
    {
        var file = Write("""{ "Values": {}, "Host": { "LocalHttpPort": 7072 } }""");

        var settings = LocalSettings.Read(file);

        Assert.Equal("7072", settings[LocalSettings.LocalHttpPortKey]);
    }

    [Fact]
    public void Read_KeysInAnyCase_AreFoundInAnyCase()
    {
        var settings = LocalSettings.Read(Write("""{ "Values": { "TaskHubName": "Hub" } }"""));

        Assert.Equal("Hub", settings["taskhubname"]);
    }

    [Fact]
    public void Read_EncryptedFile_IsRefusedSayingHowToDecryptIt()
    {
        var file = Write("""{ "IsEncrypted": true, "Values": { "AzureWebJobsStorage": "c2VjcmV0" } }""");

        var refused = Assert.Throws<InvalidDataException>(() => LocalSettings.Read(file));

        Assert.Contains("encrypted", refused.Message, StringComparison.Ordinal);
        Assert.Contains("func settings decrypt", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ValueThatIsAnObject_IsRefusedNamingIt()
    {
        var file = Write("""{ "Values": { "Pipeline": { "FollowUpCount": 3 } } }""");

        var refused = Assert.Throws<InvalidDataException>(() => LocalSettings.Read(file));

        Assert.Contains("Values.Pipeline", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileThatIsNotJson_IsRefusedNamingTheFile()
    {
        var file = Write("Values: none");

        var refused = Assert.Throws<InvalidDataException>(() => LocalSettings.Read(file));

        Assert.Contains(file, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CommentsAndTrailingCommas_AreAccepted()
    {
        var file = Write("""
            {
              // the developer's own
              "Values": { "TaskHubName": "Hub", },
            }
            """);

        Assert.Equal("Hub", LocalSettings.Read(file)["TaskHubName"]);
    }

    [Fact]
    public void Find_BothFiles_PrefersTheDevelopersOwn()
    {
        Write("{}", LocalSettings.SampleFileName);
        var own = Write("{}", LocalSettings.FileName);

        Assert.Equal(own, LocalSettings.Find(_folder.FullName));
    }

    [Fact]
    public void Find_OnlyTheSample_FindsTheSample()
    {
        var sample = Write("{}", LocalSettings.SampleFileName);

        Assert.Equal(sample, LocalSettings.Find(_folder.FullName));
    }

    [Fact]
    public void Find_Neither_FindsNothing() => Assert.Null(LocalSettings.Find(_folder.FullName));

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string json, string name = "settings.json")
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, json);
        return path;
    }
}
