using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PepFunctions.App.Tests.Support;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Web;

/// <summary>
/// Walks every staff page in Indonesian mode as the roles that use it, with a person who has been enrolled, assessed and placed in
/// training, and fails on any text a reader sees that is not Indonesian: a resource key shown as it is (<c>Nav.Home</c>), an enum name
/// (<c>FoodProcessing</c>), or an English sentence.
/// </summary>
public sealed partial class IndonesianPagesTests(FeatureApp fixture, ITestOutputHelper output) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task EveryPage_IndonesianMode_ShowsNoUntranslatedText()
    {
        using var lapas = await StaffSession.SignInAsync(fixture.App, "lapas.kupang");
        using var admin = await StaffSession.SignInAsync(fixture.App, "admin");
        using var pk = await StaffSession.SignInAsync(fixture.App, "pk.kupang");
        var caseId = await PersonPages.InTrainingAsync(lapas, "WBP-2025-0951");

        var visits = new List<(StaffSession Session, string Path)>
        {
            (lapas, "/"), (lapas, "/kasus"), (lapas, "/kasus/baru"), (lapas, $"/kasus/{caseId}"), (lapas, $"/kasus/{caseId}/data-pribadi"),
            (lapas, $"/kasus/{caseId}/ekspor"), (lapas, "/pelatihan"), (lapas, "/produk"), (lapas, "/notifikasi"), (lapas, "/laporan"),
            (pk, "/"), (pk, "/pokmas"), (admin, "/"), (admin, "/kelola/staf"), (admin, "/kelola/staf/ubah"), (admin, "/kelola/staf/impor"),
            (admin, "/kelola/notifikasi"), (admin, "/status/404"),
        };
        var (_, training) = await lapas.GetAsync("/pelatihan");
        visits.AddRange(training.QuerySelectorAll("a[href^='/pelatihan/']").Select(a => (lapas, a.GetAttribute("href")!)).Take(2));

        var found = new List<string>();
        foreach (var (session, path) in visits)
        {
            var (response, page) = await session.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            if (path.EndsWith("/ekspor", StringComparison.Ordinal))
            {
                // The export is the stored data as it is held (column names and values, the subject's copy): its words are the page's around it.
                foreach (var held in page.QuerySelectorAll("table, section.export-table").ToList())
                {
                    held.Remove();
                }
            }

            found.AddRange(Untranslated(page.Body!).Select(text => $"{path}: {text}"));
        }

        foreach (var line in found)
        {
            output.WriteLine(line);
        }

        Assert.Empty(found);
    }

    /// <summary>The visible texts (and titles, placeholders, labels) that look untranslated.</summary>
    private static IEnumerable<string> Untranslated(IElement body)
    {
        var texts = body.GetDescendants().OfType<IText>()
            .Where(t => t.ParentElement?.LocalName is not ("script" or "style" or "code"))
            .Select(t => t.Data.Trim())
            .Concat(body.QuerySelectorAll("[placeholder],[aria-label],[title]")
                .SelectMany(e => new[] { e.GetAttribute("placeholder"), e.GetAttribute("aria-label"), e.GetAttribute("title") }))
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Select(text => text!);
        return texts.Where(text => ResourceKey().IsMatch(text) || EnumName().IsMatch(text) || EnglishWords().IsMatch(text)).Distinct();
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z]+\.[A-Za-z][A-Za-z0-9.\- ]*$")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex EnumName();

    [GeneratedRegex(@"\b(the|of the|has been|was|were|cannot|should|from that day|sessions|attended|Not completed|pipeline)\b")]
    private static partial Regex EnglishWords();
}
