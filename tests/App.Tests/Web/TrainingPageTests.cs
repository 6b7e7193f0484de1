using System.Net;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

public sealed class TrainingPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task OpenBatch_ValidForm_ShowsTheBatchPage()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");

        var (response, _) = await session.SubmitAsync("/pelatihan", "form#batch",
            ("Batch.Track", "TenunWeaving"), ("Batch.Partner", "Pokmas Lipas"), ("Batch.StartDate", "2026-01-05"),
            ("Batch.EndDate", "2026-01-30"), ("Batch.Sessions", "10"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (batch, page) = await session.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.StartsWith("Tenun ikat", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kelas pelatihan dibuka.", page.QuerySelector(".saved")?.TextContent.Trim());
    }

    [Fact]
    public async Task OpenBatch_MissingFields_ShowsFieldErrorsAndOpensNone()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var (_, before) = await session.GetAsync("/pelatihan");

        var (response, page) = await session.SubmitAsync("/pelatihan", "form#batch", ("Batch.Partner", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Pilih jenis pelatihan.", StaffSession.FieldError(page, "Batch.Track"));
        Assert.Equal("Tanggal mulai wajib diisi.", StaffSession.FieldError(page, "Batch.StartDate"));
        Assert.Equal(before.QuerySelectorAll("table.list tbody tr").Length, page.QuerySelectorAll("table.list tbody tr").Length);
    }
}
