using System.Net;
using System.Text;
using PepFunctions.App.Notifications;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Notifications;

/// <summary>The WhatsApp status webhook over HTTP through the local runner: anonymous, but nothing passes without the signature.</summary>
public sealed class WhatsAppWebhookApiTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task PostWebhook_ForgedSignature_Answers401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp")
        {
            Content = new StringContent("""{"object":"whatsapp_business_account","entry":[]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WhatsAppWebhookFunctions.SignatureHeader, "sha256=" + new string('0', 64));

        using var response = await app.App.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetWebhook_WrongVerifyToken_Answers403()
    {
        using var response = await app.App.Http.GetAsync("/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=123");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
