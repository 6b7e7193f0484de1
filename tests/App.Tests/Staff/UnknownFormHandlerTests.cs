using System.Net;
using PepFunctions.App.Tests.Support;
using PepFunctions.App.Tests.Web;

namespace PepFunctions.App.Tests.Staff;

/// <summary>A staff form posted to a handler the page does not have is the caller's mistake: 400, not 500.</summary>
public sealed class UnknownFormHandlerTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    [Theory]
    [InlineData("/kasus/baru")]
    [InlineData("/pelatihan")]
    [InlineData("/produk")]
    [InlineData("/kasus/{case}")]
    public async Task Post_UnknownHandler_Returns400(string path)
    {
        using var lapas = await StaffSession.SignInAsync(fixture.App, "lapas.kupang");
        if (path.Contains("{case}", StringComparison.Ordinal))
        {
            path = path.Replace("{case}", await PepFunctions.App.Tests.Cases.CaseApp.EnrolAsync(lapas.Http), StringComparison.Ordinal);
        }

        var (_, form) = await lapas.GetAsync(path);
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var (response, _) = await lapas.PostAsync($"{path}?handler=NoSuchHandler", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
