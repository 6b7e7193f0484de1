using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

/// <summary>
/// A member of staff using the pages over real HTTP: a cookie-keeping client that does not follow redirects,
/// reads each page's HTML, and fills in forms the way a browser does (hidden fields, the antiforgery token
/// included).
/// </summary>
internal sealed class StaffSession : IDisposable
{
    /// <summary>The demo accounts' password (Staff:DemoPassword's default).</summary>
    public const string DemoPassword = TestApp.DemoPassword;

    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    public StaffSession(TestApp app)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = app.Http.BaseAddress,
            Timeout = TestApp.WaitLimit,
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    /// <summary>A session signed in as <paramref name="username"/> through the sign-in form.</summary>
    public static async Task<StaffSession> SignInAsync(TestApp app, string username)
    {
        var session = new StaffSession(app);
        var (response, _) = await session.SubmitAsync("/masuk", "form", ("Username", username), ("Password", DemoPassword));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>GETs a page and parses it.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string path)
    {
        var response = await _http.GetAsync(path);
        return (response, await ParseAsync(response));
    }

    /// <summary>
    /// GETs <paramref name="path"/>, finds the form <paramref name="formSelector"/>, and posts it as a browser
    /// would: every field it holds (hidden ones and the antiforgery token too), with <paramref name="fields"/>
    /// replacing the form's values of those names; a name given several times (checkboxes) is sent once per value.
    /// </summary>
    public Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitAsync(
        string path, string formSelector, params (string Name, string Value)[] fields) =>
        SubmitAsync(path, page => page.QuerySelector<IHtmlFormElement>(formSelector), fields);

    /// <summary>Like <see cref="SubmitAsync(string, string, ValueTuple{string, string}[])"/>, for the form <paramref name="findForm"/> picks.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitAsync(
        string path, Func<IHtmlDocument, IHtmlFormElement?> findForm, params (string Name, string Value)[] fields)
    {
        var (action, values) = await ReadFormAsync(path, findForm, fields);
        return await PostAsync(action, values);
    }

    /// <summary>
    /// Like <see cref="SubmitAsync"/> for a <c>multipart/form-data</c> form: posts its fields and one file in the
    /// field <paramref name="fileField"/>, as a browser does.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitFileAsync(
        string path, string formSelector, string fileField, UploadedFile file, params (string Name, string Value)[] fields)
    {
        var (action, values) = await ReadFormAsync(path, page => page.QuerySelector<IHtmlFormElement>(formSelector), fields);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        var bytes = new ByteArrayContent(file.Content);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
        content.Add(bytes, fileField, file.FileName);
        var response = await _http.PostAsync(action, content);
        return (response, await ParseAsync(response));
    }

    /// <summary>POSTs form fields as they are (no token added).</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> values)
    {
        using var content = new FormUrlEncodedContent(values);
        var response = await _http.PostAsync(path, content);
        return (response, await ParseAsync(response));
    }

    /// <summary>The text of the validation message next to the field named <paramref name="field"/>, or null.</summary>
    public static string? FieldError(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public void Dispose() => _http.Dispose();

    /// <summary>The form's action and the values a browser would send, with <paramref name="fields"/> replacing the form's values of those names.</summary>
    private async Task<(string Action, List<KeyValuePair<string, string>> Values)> ReadFormAsync(
        string path, Func<IHtmlDocument, IHtmlFormElement?> findForm, (string Name, string Value)[] fields)
    {
        var (_, page) = await GetAsync(path);
        var form = findForm(page) ?? throw new InvalidOperationException($"No such form on {path}: {page.QuerySelector("main")?.TextContent}");
        var values = FormValues(form);
        var names = fields.Select(field => field.Name).ToHashSet();
        values.RemoveAll(pair => names.Contains(pair.Key));
        values.AddRange(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
        return (action, values);
    }

    private static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button" or "file"):
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }

        return values;
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
}

/// <summary>A file as a browser uploads it: the name on the user's machine, the declared type and the bytes.</summary>
internal sealed record UploadedFile(string FileName, string ContentType, byte[] Content);
