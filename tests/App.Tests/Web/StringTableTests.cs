using System.Globalization;
using System.Text.RegularExpressions;
using PepFunctions.App.Cases;
using PepFunctions.App.Marketing;
using PepFunctions.App.Tests.Support;
using PepFunctions.App.Web.Localization;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Web;

public sealed partial class StringTableTests
{
    public static TheoryData<Type> NamedEnums =>
    [
        typeof(StaffRole), typeof(PipelineStage), typeof(ConsentPurpose), typeof(EducationLevel), typeof(BusinessType), typeof(ReleaseKind),
        typeof(WithdrawalReason), typeof(PokmasActivityKind), typeof(ContactMode), typeof(BusinessStatus), typeof(IncomeBand), typeof(FollowUpState), typeof(ReferralStatus),
        typeof(FinancingPartnerKind), typeof(PermitKind), typeof(PermitStatus), typeof(ProductCategory), typeof(CurationStatus), typeof(ShowcaseKind),
    ];

    [Fact]
    public void Resources_EveryKey_HasBothLanguages()
    {
        var keys = StringTable.Keys.ToList();

        Assert.True(keys.Count > 600, $"Only {keys.Count} keys in Texts.resx.");
        foreach (var key in keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(StringTable.Find(key, new CultureInfo("id"))), $"No Indonesian text for {key}.");
            Assert.False(string.IsNullOrWhiteSpace(StringTable.Find(key, new CultureInfo("en"))), $"No English text for {key} in Texts.en.resx.");
        }
    }

    [Fact]
    public void Resources_EnglishFile_HasNoKeyTheIndonesianLacks()
    {
        var path = Path.Combine(RepositoryFiles.Root, "src", "App", "Web", "Localization");
        var indonesian = System.Xml.Linq.XDocument.Load(Path.Combine(path, "Texts.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var english = System.Xml.Linq.XDocument.Load(Path.Combine(path, "Texts.en.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        Assert.Empty(english.Except(indonesian));
        Assert.Empty(indonesian.Except(english));
    }

    [Theory]
    [MemberData(nameof(NamedEnums))]
    public void EnumValues_EveryValue_HasBothLanguages(Type enumType)
    {
        foreach (var name in Enum.GetNames(enumType))
        {
            var key = $"{enumType.Name}.{name}";
            Assert.False(string.IsNullOrEmpty(StringTable.Find(key, new CultureInfo("id"))), $"No Indonesian text for {key}.");
            Assert.False(string.IsNullOrEmpty(StringTable.Find(key, new CultureInfo("en"))), $"No English text for {key}.");
        }
    }

    [Theory]
    [InlineData(CasePipeline.GraduatedReason)]
    [InlineData(CasePipeline.EndedReason)]
    public void PipelineOutcomeReasons_AreInIndonesianOnThePages(string reason)
    {
        var indonesian = StringTable.Find(reason, new CultureInfo("id"));

        Assert.False(string.IsNullOrEmpty(indonesian), $"No Indonesian text for '{reason}'.");
        Assert.NotEqual(reason, indonesian);
    }

    [Fact]
    public void PipelineControls_EveryValue_HasBothLanguages()
    {
        foreach (var name in Enum.GetNames<PipelineControl>())
        {
            Assert.False(string.IsNullOrEmpty(StringTable.Find($"PipelineControl.{name}", new CultureInfo("id"))), $"No Indonesian text for {name}.");
            Assert.False(string.IsNullOrEmpty(StringTable.Find($"PipelineControl.{name}", new CultureInfo("en"))), $"No English text for {name}.");
        }
    }

    [Fact]
    public void TimelineActions_EveryValue_HasATitleInBothLanguages()
    {
        foreach (var name in Enum.GetNames<TimelineAction>())
        {
            var key = $"TimelineAction.{name}";
            Assert.False(string.IsNullOrEmpty(StringTable.Find(key, new CultureInfo("id"))), $"No Indonesian text for {key}.");
            Assert.False(string.IsNullOrEmpty(StringTable.Find(key, new CultureInfo("en"))), $"No English text for {key}.");
        }
    }

    [Fact]
    public void Pages_EveryLiteralKey_IsInTheTable()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", "App", "Web", "Pages"), "*.cshtml", SearchOption.AllDirectories);
        var missing = pages
            .SelectMany(page => LiteralKey().Matches(File.ReadAllText(page)).Select(match => (Page: Path.GetFileName(page), Key: match.Groups[1].Value)))
            .Where(use => StringTable.Find(use.Key, new CultureInfo("id")) is null)
            .Select(use => $"{use.Page}: {use.Key}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Find_Indonesian_DiffersFromEnglishForPageChrome()
    {
        Assert.Equal("Masuk", StringTable.Find("SignIn.Title", new CultureInfo("id")));
        Assert.Equal("Sign in", StringTable.Find("SignIn.Title", new CultureInfo("en")));
    }

    [GeneratedRegex("""L\["([^"{}]+)"[\],]""")]
    private static partial Regex LiteralKey();
}
