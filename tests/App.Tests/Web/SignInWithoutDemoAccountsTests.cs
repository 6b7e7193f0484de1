using System.Net;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

/// <summary>The sign-in page where the demo accounts are off (<c>Staff:DemoAccounts</c>'s default), as in Azure.</summary>
public sealed class SignInWithoutDemoAccountsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SignInPage_DemoAccountsOff_ListsNoneAndRefusesDemoPassword()
    {
        using var session = new StaffSession(fixture.App);

        var (response, page) = await session.SubmitAsync("/masuk", "form", ("Username", "lapas.kupang"), ("Password", StaffSession.DemoPassword));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("table.list"));
    }
}
