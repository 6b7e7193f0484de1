using System.Globalization;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;
using PepFunctions.Durable;

namespace PepFunctions.App.Marketing;

/// <summary>Monthly sales of a person's business, which decide graduation (<see cref="GraduationRule"/>).</summary>
/// <remarks>
/// Recorded by the Bapas officers and Pokmas Lipas mentors who follow the person after release
/// (<see cref="PipelineAction.RecordFollowUp"/>). After each record the case's pipeline is told
/// (<see cref="CaseEvents.SalesRecorded"/>) so it checks graduation at once; the <c>Sales</c> rows stay the truth.
/// </remarks>
internal sealed class SalesService(HubStorage storage, CaseOffices cases, DurableTaskClient durable, TimeProvider time, ILogger<SalesService> logger)
{
    /// <summary>Records (or corrects) one month's sales and tells the case's pipeline.</summary>
    public async Task<SalesResponse> RecordAsync(StaffMember staff, string caseId, SalesRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var thisMonth = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!DateOnly.TryParseExact(request.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            errors.Add(new(nameof(request.Month), "The month is written yyyy-MM, e.g. 2025-03."));
        }
        else if (month.Year * 12 + month.Month > thisMonth.Year * 12 + thisMonth.Month)
        {
            errors.Add(new(nameof(request.Month), "Sales cannot be recorded for a month that has not started."));
        }

        if (request.SalesRupiah is not >= 0)
        {
            errors.Add(new(nameof(request.SalesRupiah), "Give the month's sales in rupiah (0 when nothing was sold)."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await cases.RequireAsync(staff, PipelineAction.RecordFollowUp, caseId, cancellationToken);
        var row = new SalesEntity
        {
            PartitionKey = caseId,
            RowKey = month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            SalesRupiah = request.SalesRupiah!.Value,
            RecordedBy = staff.Username,
            RecordedAt = time.GetUtcNow(),
        };
        var table = await storage.TableAsync(MarketingTables.Sales, cancellationToken);
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        logger.LogInformation("Sales of case {CaseId} for {Month} recorded by {Username}", caseId, row.RowKey, staff.Username);
        await TellPipelineAsync(caseId, staff.Username, cancellationToken);
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

    private async Task TellPipelineAsync(string caseId, string username, CancellationToken cancellationToken)
    {
        try
        {
            await durable.RaiseEventAsync(caseId, CaseEvents.SalesRecorded, new SalesRecorded(username), cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The pipeline has ended (graduated, withdrawn, programme over): the record stands on its own.
            logger.LogInformation("Sales of case {CaseId} recorded after its pipeline ended", caseId);
        }
        catch (InstanceNotFoundException)
        {
            // A case record without a pipeline; the sales still count at its next graduation check, if it gets one.
            logger.LogWarning("Sales of case {CaseId} recorded, but the case has no pipeline instance to tell", caseId);
        }
    }
}
