using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Capital;

/// <summary>A business's permit checklist: NIB, SPP-IRT, halal, BPOM, each with the dates it was applied for and granted.</summary>
public sealed class PermitService(HubStorage storage, CaseOffices cases, CaseTimeline timeline, TimeProvider time, ILogger<PermitService> logger)
{
    /// <summary>Records the dates of one permit, as an action without a key.</summary>
    public Task<PermitResponse> SetAsync(StaffMember staff, string caseId, PermitKind kind, PermitRequest request, CancellationToken cancellationToken) =>
        SetAsync(staff, caseId, kind, request, actionKey: null, cancellationToken);

    /// <summary>Records the dates of one permit (both empty: not applied for).</summary>
    /// <param name="staff">Who records them.</param>
    /// <param name="caseId">The person's case.</param>
    /// <param name="kind">The permit.</param>
    /// <param name="request">The dates.</param>
    /// <param name="actionKey">The action's idempotency key: the timeline entry (<see cref="TimelineAction.PermitRecorded"/>) is keyed by it,
    /// so the same request sent again overwrites it; null keys the entry by the time of the write.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<PermitResponse> SetAsync(
        StaffMember staff, string caseId, PermitKind kind, PermitRequest request, string? actionKey, CancellationToken cancellationToken)
    {
        var permit = new Permit(kind, request.AppliedOn, request.GrantedOn);
        var errors = permit.Validate();
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await cases.RequireAsync(staff, PipelineAction.ReferCapital, caseId, cancellationToken);
        var table = await storage.TableAsync(CapitalTables.Permits, cancellationToken);
        var now = time.GetUtcNow();
        await table.UpsertEntityAsync(new PermitEntity
        {
            PartitionKey = caseId,
            RowKey = kind.ToString(),
            AppliedOn = permit.AppliedOn is { } applied ? Dates.Format(applied) : null,
            GrantedOn = permit.GrantedOn is { } granted ? Dates.Format(granted) : null,
            UpdatedBy = staff.Username,
            UpdatedAt = now,
        }, TableUpdateMode.Replace, cancellationToken);
        await timeline.AppendActionAsync(caseId, now, staff.Username, TimelineAction.PermitRecorded, TimelineDetail.PermitRecorded(permit),
            actionKey ?? $"{kind}|{now.UtcTicks}", cancellationToken);
        logger.LogInformation("Permit {PermitKind} of case {CaseId} set to {Status} by {Username}", kind, caseId, permit.Status, staff.Username);
        return PermitResponse.From(permit);
    }

    /// <summary>Every permit kind with where it stands for the person's business.</summary>
    public async Task<IReadOnlyList<PermitResponse>> ListAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        await cases.RequireViewAsync(staff, caseId, cancellationToken);
        var table = await storage.TableAsync(CapitalTables.Permits, cancellationToken);
        var stored = new Dictionary<PermitKind, Permit>();
        await foreach (var row in table.QueryAsync<PermitEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            var permit = PermitResponse.ToPermit(row);
            stored[permit.Kind] = permit;
        }

        return [.. Enum.GetValues<PermitKind>().Select(kind => PermitResponse.From(stored.GetValueOrDefault(kind) ?? new Permit(kind)))];
    }
}
