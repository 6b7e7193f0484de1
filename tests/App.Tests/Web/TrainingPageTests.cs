using System.Net;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

public sealed class TrainingPageTests
{
    [Fact]
    public async Task OpenBatch_ValidForm_ShowsTheBatchPage()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var session = await StaffSession.SignInAsync(app, "lapas.kupang");

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
    public async Task OpenBatch_MissingFields_ShowsFieldErrors()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var session = await StaffSession.SignInAsync(app, "lapas.kupang");

        var (response, page) = await session.SubmitAsync("/pelatihan", "form#batch", ("Batch.Partner", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Pilih jenis pelatihan.", StaffSession.FieldError(page, "Batch.Track"));
        Assert.Equal("Tanggal mulai wajib diisi.", StaffSession.FieldError(page, "Batch.StartDate"));
        Assert.Empty(page.QuerySelectorAll("table.list tbody tr"));
    }
}
