using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Fuzz;

/// <summary>
/// Bad input of every kind, over real HTTP through the runner to every route of the app, gets an answer below 500:
/// unreadable bodies (a multipart body with a bad or missing boundary, an upload with no file, invalid UTF-8, bodies cut
/// short), the wrong content type or none, over-large bodies (30 MB declared, 2 MB chunked), deep and huge JSON, odd
/// query strings and idempotency keys, anonymous and signed in. The requests are generated from a fixed seed.
/// </summary>
public sealed partial class BadInputFuzzTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    private const int Requests = 840;
    private const int Seed = 12;
    private const int Parallel = 8;

    [Fact]
    public async Task EveryRoute_FuzzedRequests_AllAnsweredBelow500()
    {
        using var anonymous = Client();
        using var lapas = await SignedInAsync("lapas.kupang");
        using var admin = await SignedInAsync("admin");
        var clients = new[] { anonymous, lapas, admin };
        var routes = app.App.Functions.Where(f => f.Trigger.Type == "httpTrigger")
            .SelectMany(f => f.Trigger.Methods!.Select(m => (Method: m.ToUpperInvariant(), Path: "/" + Sample(f.Trigger.Route ?? f.Name))))
            .ToList();
        var random = new Random(Seed);
        var plan = Enumerable.Range(0, Requests).Select(i => (Index: i, Route: routes[random.Next(routes.Count)], Body: random.Next(Bodies.Count),
            Client: random.Next(clients.Length), Query: random.Next(Queries.Length), Key: random.Next(Keys.Length), Method: random.Next(10))).ToList();
        var wrong = new ConcurrentBag<string>();
        var answered = 0;

        await System.Threading.Tasks.Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (item, _) =>
        {
            // Mostly the route's own method; now and then one it does not take.
            var method = item.Method == 0 ? "PATCH" : item.Route.Method;
            var (kind, content) = Bodies[item.Body]();
            using var request = new HttpRequestMessage(new HttpMethod(method), item.Route.Path + Queries[item.Query]) { Content = content };
            if (Keys[item.Key] is { } key)
            {
                request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            }

            var what = $"#{item.Index} {method} {request.RequestUri} [{kind}] as client {item.Client}";
            try
            {
                using var response = await clients[item.Client].SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref answered);
                if ((int)response.StatusCode >= 500)
                {
                    wrong.Add($"{what}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                wrong.Add($"{what}: no answer ({ex.GetType().Name}: {ex.Message} {ex.InnerException?.Message})");
            }
        });

        Assert.True(wrong.IsEmpty, string.Join(Environment.NewLine, [$"{wrong.Count} of {Requests} requests went wrong:", .. wrong.Order()]));
        Assert.Equal(Requests, answered);
    }

    // Redirects are not followed: the first answer is the one that counts (and a streamed body cannot be sent twice).
    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = app.App.Http.BaseAddress, Timeout = TestApp.WaitLimit };

    private async Task<HttpClient> SignedInAsync(string username)
    {
        var client = Client();
        using var response = await client.PostAsync("/api/session", Json($$"""{"username":"{{username}}","password":"{{TestApp.DemoPassword}}"}"""));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static readonly string?[] Queries = ["", "", "?status=Nope&pageSize=-1", "?office=%ZZ&stage=%00", "?continuationToken=" + new string('x', 3000), "?lang=xx&q=%E0%A4%A"];

    private static readonly string?[] Keys = [null, null, null, "", new string('k', 500), "key with\ttab", "ok-key-1"];

    private static readonly List<Func<(string Kind, HttpContent? Content)>> Bodies =
    [
        () => ("none", null),
        () => ("json object", Json("""{"officeCode":"LPP-KUPANG","reason":"x"}""")),
        () => ("json garbage", Json("""{"officeCode": [[[[ "x" """)),
        () => ("json wrong types", Json("""{"officeCode":5,"expectedReleaseDate":true,"consent":"yes","reason":{"a":[]}}""")),
        () => ("json deep", Json(new string('[', 5000) + new string(']', 5000))),
        () => ("json 2 MB string", Json("{\"reason\":\"" + new string('a', 2 * 1024 * 1024) + "\"}")),
        () => ("json invalid utf-8", Bytes([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d], "application/json")),
        () => ("text/plain", Text("hello", "text/plain")),
        () => ("application/xml", Text("<case><officeCode>LPP-KUPANG</officeCode></case>", "application/xml")),
        () => ("no content type", Bytes(Encoding.UTF8.GetBytes("""{"reason":"x"}"""), null)),
        () => ("form urlencoded", Text("a=1&b=%ZZ&__RequestVerificationToken=x", "application/x-www-form-urlencoded")),
        () => ("multipart bad boundary", Text("--other\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--other--\r\n", "multipart/form-data; boundary=zzz")),
        () => ("multipart no boundary", Text("--x\r\n\r\n", "multipart/form-data")),
        () => ("multipart empty", Bytes([], "multipart/form-data; boundary=zzz")),
        () => ("multipart without file", Multipart(withFile: false)),
        () => ("multipart with text file", Multipart(withFile: true)),
        () => ("multipart cut short", Text("--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff", "multipart/form-data; boundary=zzz")),
        () => ("chunked 2 MB json", Chunked(2 * 1024 * 1024)),
        () => ("30 MB declared", Large(30 * 1024 * 1024)),
    ];

    private static HttpContent Json(string text) => Text(text, "application/json");

    private static HttpContent Text(string text, string contentType) => Bytes(Encoding.UTF8.GetBytes(text), contentType);

    private static ByteArrayContent Bytes(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    private static MultipartFormDataContent Multipart(bool withFile)
    {
        var content = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        if (withFile)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("not an image"));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "file", "photo.jpg");
        }

        return content;
    }

    // Sent without a length: the server learns the size only by reading.
    private static StreamContent Chunked(int bytes)
    {
        var body = new MemoryStream(Encoding.UTF8.GetBytes("{\"reason\":\"" + new string('b', bytes) + "\"}"));
        var content = new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static ByteArrayContent Large(int bytes) => Bytes(new byte[bytes], "application/json");

    private static string Sample(string route) => "/" == route ? "" : RouteParameter().Replace(route.TrimStart('/'), m => m.Groups["optional"].Success ? "" : "x");

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:=?]+)(?<constraint>(:[^}=?]+)*)(=[^}]*)?(?<optional>\?)?\}")]
    private static partial Regex RouteParameter();

    /// <summary>A stream that does not say its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
