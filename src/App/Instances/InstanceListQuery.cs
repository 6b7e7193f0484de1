using System.Globalization;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Instances;

/// <summary>
/// The filters of <c>GET /api/instances</c>, read from the query string: <c>prefix</c> (of the instance id), <c>status</c>
/// (repeated or comma-separated), <c>createdFrom</c> and <c>createdTo</c> (ISO 8601), <c>pageSize</c> (1–1000, 100 by
/// default) and <c>continuationToken</c> (from the previous page).
/// </summary>
internal sealed record InstanceListQuery(OrchestrationQuery Filter, int PageSize, string? ContinuationToken)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>Reads the query string.</summary>
    /// <exception cref="RequestValidationException">A value is not valid; every wrong field is named.</exception>
    public static InstanceListQuery From(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var value in query["status"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<OrchestrationRuntimeStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(value, out _))
            {
                statuses.Add(status);
            }
            else
            {
                errors.Add(new FieldError("status", $"'{value}' is not a status; use one of {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}."));
            }
        }

        var createdFrom = Time(query, "createdFrom", errors);
        var createdTo = Time(query, "createdTo", errors);
        if (createdFrom > createdTo)
        {
            errors.Add(new FieldError("createdTo", "createdTo must not be before createdFrom."));
        }

        var pageSize = DefaultPageSize;
        if (query["pageSize"] is { Count: > 0 } size
            && (!int.TryParse(size.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add(new FieldError("pageSize", $"pageSize must be a whole number from 1 to {MaxPageSize}."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var continuationToken = query["continuationToken"] is { Count: > 0 } token ? token.ToString() : null;
        var filter = new OrchestrationQuery
        {
            InstanceIdPrefix = query["prefix"] is { Count: > 0 } prefix ? prefix.ToString() : null,
            Statuses = statuses.Count > 0 ? statuses : null,
            CreatedFrom = createdFrom,
            CreatedTo = createdTo,
            PageSize = pageSize,
            ContinuationToken = continuationToken,
            // A stopped instance's reason is its failure details or, with the Azure Storage provider, its output.
            FetchInputsAndOutputs = statuses.Any(s => s is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated),
        };
        return new InstanceListQuery(filter, pageSize, continuationToken);
    }

    private static DateTimeOffset? Time(IQueryCollection query, string field, List<FieldError> errors)
    {
        if (query[field] is not { Count: > 0 } value)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors.Add(new FieldError(field, $"{field} must be a date and time in ISO 8601, e.g. 2025-01-31T00:00:00Z."));
        return null;
    }
}
