using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.Domain;

namespace PepFunctions.App.Http;

/// <summary>
/// The key that makes a staff action safe to retry: the client's <c>Idempotency-Key</c> header, the staff form's hidden
/// <see cref="FormField"/>, or else a key derived from who sent what to where (so a client that retries the same POST
/// after a timeout or a crash is recognised even without a header).
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The request header an API client sets (any string of up to <see cref="MaxLength"/> printable ASCII characters).</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>The hidden field each staff form carries, filled with a new value each time the form is shown.</summary>
    public const string FormField = "__IdempotencyKey";

    /// <summary>The longest key a client may send.</summary>
    public const int MaxLength = 128;

    /// <summary>
    /// The action's key: a hash (64 hex characters, safe as a table key) of the staff member and of the client's key,
    /// or of the method, path and body. Reads the body with buffering, so it can be read again.
    /// </summary>
    /// <exception cref="RequestValidationException">The header or form field is empty, too long or not printable ASCII.</exception>
    public static async Task<string> ForAsync(HttpRequest request, StaffMember staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        // A form that cannot be read (a multipart body with a bad boundary, cut short) is the sender's fault: 400, not an outage.
        var given = request.Headers.TryGetValue(Header, out var header) ? header.ToString()
            : request.HasFormContentType
                && (await RequestBody.ReadAsync(request, FormField, () => request.ReadFormAsync(cancellationToken))).TryGetValue(FormField, out var field)
                ? field.ToString()
            : null;
        if (given is not null)
        {
            if (given.Length is 0 or > MaxLength || given.Any(c => c is < ' ' or > '~'))
            {
                throw new RequestValidationException(Header, $"An idempotency key is 1 to {MaxLength} printable ASCII characters.");
            }

            return Hash($"{staff.Username}\n{given}");
        }

        request.EnableBuffering();
        using var body = new MemoryStream();
        await RequestBody.ReadAsync(request, "body", async () =>
        {
            await request.Body.CopyToAsync(body, cancellationToken);
            return body.Length;
        });
        request.Body.Position = 0;
        return Hash($"{staff.Username}\n{request.Method}\n{request.Path}{request.QueryString}\n{Convert.ToBase64String(body.ToArray())}");
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>
/// Remembers the answer to each staff action by its key (table <c>{hub}Actions</c>: PartitionKey the scope, e.g. the case
/// id; RowKey the key), so the same action sent again gets the first answer instead of a conflict.
/// </summary>
/// <remarks>
/// The log only replays answers: it does not make an action atomic. Each action must itself be safe to run again
/// after a crash at any point (writes keyed by what they record, conditions that recognise their own earlier write),
/// because the answer is saved last. Two identical requests racing may both run the action; its keyed writes make the
/// second do nothing new.
/// <para>
/// Personal data: the key is a hash (of the client's key, or of the body), and the answer is stored without its
/// personal fields (<see cref="PersonalFields"/>: a replayed enrolment answers with the case id and stage, not the name);
/// <c>CaseId</c> names the case the answer is about, so an erasure finds every record of the case, and the retention
/// sweep deletes records older than <c>Privacy:ActionRecordTtl</c>.
/// </para>
/// </remarks>
public sealed class ActionLog(HubStorage storage)
{
    /// <summary>The table's name after the hub prefix.</summary>
    public const string TableName = "Actions";

    /// <summary>The column naming the case an action record is about (the scope, or the answer's <c>caseId</c>).</summary>
    public const string CaseIdColumn = "CaseId";

    /// <summary>The answer's properties that are never stored (camelCase, at any depth).</summary>
    public static readonly IReadOnlySet<string> PersonalFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "fullName", "nik", "registrationNumber", "displayName", "dateOfBirth", "placeOfBirth", "address", "phone", "assessment", "withdrawalNote",
    };

    /// <summary>The answer recorded for <paramref name="key"/>, or runs <paramref name="action"/> and records its answer.</summary>
    public async Task<T> RunOnceAsync<T>(string scope, string key, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var table = await storage.TableAsync(TableName, cancellationToken);
        var earlier = await table.GetEntityIfExistsAsync<TableEntity>(scope, key, ["Answer"], cancellationToken);
        if (earlier.HasValue && earlier.Value!.GetString("Answer") is { } answer)
        {
            return JsonSerializer.Deserialize<T>(answer, RecordJsonOptions)!;
        }

        var result = await action();
        var stored = JsonSerializer.SerializeToNode(result, RecordJsonOptions);
        Redact(stored);
        var caseId = stored is JsonObject answerObject && answerObject["caseId"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : scope;
        var entity = new TableEntity(scope, key) { ["Answer"] = stored?.ToJsonString(RecordJsonOptions) ?? "null", [CaseIdColumn] = caseId };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The same action, racing: both answers describe the same outcome.
        }

        return result;
    }

    private static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(PersonalFields.Contains).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (_, child) in obj)
                {
                    Redact(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Redact(child);
                }

                break;
        }
    }

    private static readonly JsonSerializerOptions RecordJsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
