using System.Globalization;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Marketing;

/// <summary>Monthly sales of a person's business, which decide graduation (<see cref="GraduationRule"/>).</summary>
/// <remarks>
/// Recorded by the Bapas officers and Pokmas Lipas mentors who follow the person after release
/// (<see cref="PipelineAction.RecordFollowUp"/>). After each record the case's pipeline is told
/// (<see cref="CaseEvents.SalesRecorded"/>) so it checks graduation at once; the <c>Sales</c> rows stay the truth.
/// </remarks>
public sealed class SalesService(
    HubStorage storage, CaseOffices cases, CaseTimeline timeline, TimeProvider time, ILogger<SalesService> logger, UnfinishedActions unfinished)
{
    /// <summary>The largest month's sales accepted: Rp10.000.000.000, far above any micro-business.</summary>
    public const long MaxSalesRupiah = 10_000_000_000;

    /// <summary>Records (or corrects) one month's sales, as an action without a key.</summary>
    public Task<SalesResponse> RecordAsync(
        StaffMember staff, string caseId, SalesRequest request, DurableTaskClient client, CancellationToken cancellationToken) =>
        RecordAsync(staff, caseId, request, actionKey: null, client, cancellationToken);

    /// <summary>Records (or corrects) one month's sales and tells the case's pipeline through <paramref name="client"/>.</summary>
    /// <param name="staff">Who records them.</param>
    /// <param name="caseId">The person's case.</param>
    /// <param name="request">The month and its sales.</param>
    /// <param name="actionKey">The action's idempotency key: the timeline entry (<see cref="TimelineAction.SalesRecorded"/>) is keyed by it,
    /// so a retry after a crash overwrites it; null keys the entry by the time of the write.</param>
    /// <param name="client">The durable client, to tell the pipeline.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <remarks>
    /// "A month that has not started" is judged by the calendar at the office holding the case (WIB, WITA or WIT): on the 1st
    /// in Kupang the new month is open while it is still the last day of the old one in UTC.
    /// </remarks>
    public async Task<SalesResponse> RecordAsync(
        StaffMember staff, string caseId, SalesRequest request, string? actionKey, DurableTaskClient client, CancellationToken cancellationToken)
    {
        // The office first: "a month that has not started" is judged by its calendar, with the other errors at once.
        var holder = await cases.RequireHolderAsync(staff, PipelineAction.RecordFollowUp, caseId, cancellationToken);
        var now = time.GetUtcNow();
        var errors = new List<FieldError>();
        if (!DateOnly.TryParseExact(request.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            errors.Add(new(nameof(request.Month), "The month is written yyyy-MM, e.g. 2025-03."));
        }
        else if (MonthNumber(month) > MonthNumber(Offices.LocalDate(holder.OfficeCode, now)))
        {
            errors.Add(new(nameof(request.Month), "Sales cannot be recorded for a month that has not started."));
        }

        if (request.SalesRupiah is not >= 0)
        {
            errors.Add(new(nameof(request.SalesRupiah), "Give the month's sales in rupiah (0 when nothing was sold)."));
        }
        else if (request.SalesRupiah > MaxSalesRupiah)
        {
            errors.Add(new(nameof(request.SalesRupiah), $"A month's sales of a micro-business are at most {Rupiah.Format(MaxSalesRupiah)}."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (holder.ReleasedAt is not { } releasedAt)
        {
            throw new ConflictException($"Case '{caseId}' has no release recorded; sales are recorded after release.");
        }

        var releaseMonth = Offices.LocalDate(holder.OfficeCode, releasedAt);
        if (MonthNumber(month) < MonthNumber(releaseMonth))
        {
            throw new RequestValidationException(nameof(request.Month),
                $"The person was released in {releaseMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture)}; sales are recorded from that month on.");
        }

        var row = new SalesEntity
        {
            PartitionKey = caseId,
            RowKey = month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            SalesRupiah = request.SalesRupiah!.Value,
            RecordedBy = staff.Username,
            RecordedAt = now,
        };
        // Indexed before the row is written: sales cut off before the pipeline hears of them are told by the pipeline repair.
        var unfinishedRow = await unfinished.OpenAsync(caseId, "sales", now, cancellationToken);
        var table = await storage.TableAsync(MarketingTables.Sales, cancellationToken);
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        await timeline.AppendActionAsync(caseId, now, staff.Username, TimelineAction.SalesRecorded, TimelineDetail.SalesRecorded(row.RowKey, row.SalesRupiah),
            actionKey ?? $"{row.RowKey}|{now.UtcTicks}", cancellationToken);
        logger.LogInformation("Sales of case {CaseId} for {Month} recorded by {Username}", caseId, row.RowKey, staff.Username);
        await TellPipelineAsync(caseId, staff.Username, client, cancellationToken);
        await unfinished.CloseAsync(unfinishedRow, cancellationToken);
        return SalesResponse.From(row);
    }

    /// <summary>The person's monthly sales, oldest month first.</summary>
    public async Task<IReadOnlyList<SalesResponse>> ListAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        await cases.RequireViewAsync(staff, caseId, cancellationToken);
        var table = await storage.TableAsync(MarketingTables.Sales, cancellationToken);
        var months = new List<SalesResponse>();
        await foreach (var row in table.QueryAsync<SalesEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            months.Add(SalesResponse.From(row));
        }

        return [.. months.OrderBy(entry => entry.Month, StringComparer.Ordinal)];
    }

    /// <summary>Months counted from year 0, so that two months compare as numbers.</summary>
    private static int MonthNumber(DateOnly day) => day.Year * 12 + day.Month;

    /// <summary>Raises <see cref="CaseEvents.SalesRecorded"/> on the case's pipeline while it runs.</summary>
    /// <remarks>
    /// The status is read first: the Functions host and the local engine answer an event for a missing or ended
    /// instance differently (an error, or a message silently dropped). A pipeline that ends between the read and
    /// the raise loses the event, which is harmless: the <c>Sales</c> row is already stored.
    /// </remarks>
    private async Task TellPipelineAsync(string caseId, string username, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(caseId, cancellationToken);
        if (instance is null)
        {
            // A case record without a pipeline; the sales still count at its next graduation check, if it gets one.
            logger.LogWarning("Sales of case {CaseId} recorded, but the case has no pipeline instance to tell", caseId);
            return;
        }

        if (instance.IsCompleted)
        {
            // The pipeline has ended (graduated, withdrawn, programme over): the record stands on its own.
            logger.LogInformation("Sales of case {CaseId} recorded after its pipeline ended", caseId);
            return;
        }

        await client.RaiseEventAsync(caseId, CaseEvents.SalesRecorded, new SalesRecorded(username), cancellationToken);
    }
}
