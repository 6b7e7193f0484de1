using System.Globalization;
using Azure.Data.Tables;
using PepFunctions.App.Capital;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Training;
using PepFunctions.Domain;

namespace PepFunctions.App.Reports;

/// <summary>
/// Turns what happens to a person — each entry on their timeline, written by the action or activity that did it — into
/// the programme's facts (<see cref="ProgrammeLedger"/>). The timeline calls it after each entry it writes, so the same
/// writers keep the counters, and a rebuild runs the same entries through it again.
/// </summary>
/// <remarks>
/// A fact's subject is what the entry is about (the person for once-per-person figures, the referral, the product, the
/// follow-up), not the entry's key: the same thing recorded twice, by a retry, a repair or a later correction, is one
/// fact. The office is the one that held the case at the entry's time (the Lapas before the release, the Bapas after;
/// a release counts at the Lapas that released, the start of mentoring at the Bapas that took the person over); the
/// month is that office's month of the entry's time (sales: the month they are for; a follow-up due: its due day's).
/// </remarks>
internal sealed class ProgrammeCounting(HubStorage storage)
{
    private readonly ProgrammeLedger _ledger = new(storage);

    /// <summary>Writes the facts of one timeline entry (none for an entry that counts for nothing); returns how many.</summary>
    public async Task<int> CountAsync(
        string caseId, DateTimeOffset at, TimelineAction action, IReadOnlyDictionary<string, string>? parameters, CancellationToken cancellationToken)
    {
        if (!Counted.Contains(action))
        {
            return 0;
        }

        var record = await ReadAsync(CaseTables.Cases, caseId, caseId, ["OfficeCode", "LapasCode", "ReleasedAt"], cancellationToken);
        if (record is null)
        {
            return 0;
        }

        // The office that held the case when it happened: the Lapas before the release, the office holding it after. Taken
        // from the entry's own time, so an entry written again later (a retry, the repair, a rebuild) counts where it did.
        var lapas = record.GetString("LapasCode") is { Length: > 0 } code ? code : record.GetString("OfficeCode") ?? "";
        var holder = record.GetDateTimeOffset("ReleasedAt") is { } releasedAt && at >= releasedAt ? record.GetString("OfficeCode") ?? lapas : lapas;
        var facts = await FactsAsync(new Entry(caseId, at, parameters ?? new Dictionary<string, string>(), holder, lapas), action, cancellationToken);
        foreach (var fact in facts)
        {
            await _ledger.RecordAsync(fact, cancellationToken);
        }

        return facts.Count;
    }

    private static readonly HashSet<TimelineAction> Counted =
    [
        TimelineAction.Enrolled, TimelineAction.AssessmentRecorded, TimelineAction.TrainingEnrolled, TimelineAction.TrainingResultRecorded,
        TimelineAction.Released, TimelineAction.Closed, TimelineAction.FollowUpRecorded, TimelineAction.FollowUpOverdue,
        TimelineAction.ReferralSubmitted, TimelineAction.ReferralAnswered, TimelineAction.PermitRecorded, TimelineAction.ProductAdded,
        TimelineAction.ProductNominated, TimelineAction.ProductCurated, TimelineAction.ShowcaseAdded, TimelineAction.SalesRecorded,
    ];

    private async Task<IReadOnlyList<ProgrammeFact>> FactsAsync(Entry e, TimelineAction action, CancellationToken cancellationToken)
    {
        return action switch
        {
            TimelineAction.Enrolled => [e.Fact(ProgrammeFigure.Enrolled, e.CaseId)],
            TimelineAction.AssessmentRecorded => [e.Fact(ProgrammeFigure.Assessed, e.CaseId)],
            TimelineAction.TrainingEnrolled when e.Text(TimelineParameters.Batch) is { } batch =>
                [e.Fact(ProgrammeFigure.PlacedInTraining, $"{e.CaseId}|{batch}", e.Text(TimelineParameters.Track))],
            TimelineAction.TrainingResultRecorded when e.Text(TimelineParameters.Batch) is { } batch => await TrainingResultAsync(e, batch, cancellationToken),
            TimelineAction.Released => await ReleasedAsync(e, cancellationToken),
            TimelineAction.Closed => e.Text(TimelineParameters.Stage) switch
            {
                nameof(PipelineStage.Graduated) => [e.Fact(ProgrammeFigure.Graduated, e.CaseId)],
                nameof(PipelineStage.Withdrawn) => [e.Fact(ProgrammeFigure.Withdrawn, e.CaseId,
                    Enum.TryParse<WithdrawalReason>(e.Text(TimelineParameters.Reason), out var reason) ? reason.ToString() : "Other")],
                _ => [],
            },
            TimelineAction.FollowUpRecorded when e.Text(TimelineParameters.Sequence) is { } sequence => await FollowUpDoneAsync(e, sequence, cancellationToken),
            TimelineAction.FollowUpOverdue when e.Text(TimelineParameters.Sequence) is { } sequence =>
                [e.Fact(ProgrammeFigure.FollowUpOverdue, $"{e.CaseId}|{sequence}")],
            TimelineAction.ReferralSubmitted when e.Text(TimelineParameters.Referral) is { } referral =>
                [e.Fact(ProgrammeFigure.ReferralSent, referral, e.Text(TimelineParameters.PartnerKind), e.Amount(TimelineParameters.Amount))],
            TimelineAction.ReferralAnswered when e.Text(TimelineParameters.Referral) is { } referral => await ReferralAnsweredAsync(e, referral, cancellationToken),
            TimelineAction.PermitRecorded when e.Text(TimelineParameters.PermitStatus) == nameof(PermitStatus.Granted) && e.Text(TimelineParameters.Permit) is { } permit =>
                [e.Fact(ProgrammeFigure.PermitObtained, $"{e.CaseId}|{permit}", permit)],
            TimelineAction.ProductAdded when e.Text(TimelineParameters.Product) is { } product => [e.Fact(ProgrammeFigure.ProductRegistered, product)],
            TimelineAction.ProductNominated when e.Text(TimelineParameters.Product) is { } product => [e.Fact(ProgrammeFigure.ProductNominated, product)],
            TimelineAction.ProductCurated when e.Text(TimelineParameters.Curation) == nameof(CurationStatus.Approved) && e.Text(TimelineParameters.Product) is { } product =>
                [e.Fact(ProgrammeFigure.ProductCurated, product)],
            TimelineAction.ShowcaseAdded when e.Text(TimelineParameters.Product) is { } product =>
                [e.Fact(ProgrammeFigure.ProductShowcased, $"{product}|{e.Text(TimelineParameters.Showcase)}")],
            TimelineAction.SalesRecorded when e.Text(TimelineParameters.Month) is { } month =>
                [e.Fact(ProgrammeFigure.Sales, $"{e.CaseId}|{month}", amount: e.Amount(TimelineParameters.Amount)) with { Month = month }],
            _ => [],
        };
    }

    private async Task<IReadOnlyList<ProgrammeFact>> TrainingResultAsync(Entry e, string batch, CancellationToken cancellationToken)
    {
        var completed = e.Text(TimelineParameters.Completed) == "true";
        var facts = new List<ProgrammeFact> { e.Fact(ProgrammeFigure.TrainingFinished, $"{e.CaseId}|{batch}", completed ? "completed" : "notCompleted") };
        if (completed)
        {
            var training = await ReadAsync(TrainingTables.CaseTrainings, e.CaseId, batch, ["Track"], cancellationToken);
            facts.Add(e.Fact(ProgrammeFigure.Trained, $"{e.CaseId}|{batch}", training?.GetString("Track") ?? "Unknown") with { Detail = batch });
        }

        return facts;
    }

    private async Task<IReadOnlyList<ProgrammeFact>> ReleasedAsync(Entry e, CancellationToken cancellationToken)
    {
        var facts = new List<ProgrammeFact>
        {
            e.Fact(ProgrammeFigure.Released, e.CaseId, e.Text(TimelineParameters.ReleaseKind)) with { OfficeCode = e.LapasCode },
            e.Fact(ProgrammeFigure.MentoringStarted, e.CaseId) with { OfficeCode = e.Text(TimelineParameters.Office) ?? e.OfficeCode },
        };
        var table = await storage.TableAsync(FollowUpTables.FollowUps, cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {e.CaseId}"), select: ["RowKey", "DueAt", "OfficeCode"], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("DueAt") is { } due)
            {
                var office = row.GetString("OfficeCode") ?? e.OfficeCode;
                facts.Add(e.Fact(ProgrammeFigure.FollowUpDue, $"{e.CaseId}|{int.Parse(row.RowKey, CultureInfo.InvariantCulture)}") with
                {
                    OfficeCode = office,
                    Month = MonthAt(office, due),
                });
            }
        }

        return facts;
    }

    private async Task<IReadOnlyList<ProgrammeFact>> FollowUpDoneAsync(Entry e, string sequence, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(FollowUpTables.FollowUps, e.CaseId, FollowUpTables.SequenceKey(int.Parse(sequence, CultureInfo.InvariantCulture)),
            ["DueAt", "VisitJson", "OfficeCode"], cancellationToken);
        var visit = RecordJson.Deserialize<FollowUpVisit>(row?.GetString("VisitJson"));
        var late = row?.GetDateTimeOffset("DueAt") is { } due && visit is not null && visit.Date > Offices.LocalDate(row.GetString("OfficeCode") ?? e.OfficeCode, due);
        return [e.Fact(ProgrammeFigure.FollowUpDone, $"{e.CaseId}|{sequence}", late ? "late" : "onTime")];
    }

    private async Task<IReadOnlyList<ProgrammeFact>> ReferralAnsweredAsync(Entry e, string referral, CancellationToken cancellationToken) =>
        e.Text(TimelineParameters.ReferralStatus) switch
        {
            nameof(ReferralStatus.Accepted) => [e.Fact(ProgrammeFigure.ReferralAccepted, referral)],
            nameof(ReferralStatus.Rejected) => [e.Fact(ProgrammeFigure.ReferralRejected, referral)],
            nameof(ReferralStatus.Disbursed) when await ReadAsync(CapitalTables.Referrals, e.CaseId, referral, ["PartnerKind", "Amount"], cancellationToken) is { } row =>
                [e.Fact(ProgrammeFigure.ReferralDisbursed, referral, row.GetString("PartnerKind"), row.GetInt64("Amount") ?? 0)],
            _ => [],
        };

    private async Task<TableEntity?> ReadAsync(string tableName, string partitionKey, string rowKey, string[] select, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The office's month (<c>yyyy-MM</c>) of <paramref name="at"/>.</summary>
    public static string MonthAt(string officeCode, DateTimeOffset at) =>
        Offices.LocalDate(officeCode, at).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private sealed record Entry(string CaseId, DateTimeOffset At, IReadOnlyDictionary<string, string> Parameters, string OfficeCode, string LapasCode)
    {
        public string? Text(string key) => Parameters.GetValueOrDefault(key);

        public long Amount(string key) => long.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var amount) ? amount : 0;

        public ProgrammeFact Fact(ProgrammeFigure figure, string subject, string? dimension = null, long amount = 0) =>
            new(figure, OfficeCode, MonthAt(OfficeCode, At), subject, ProgrammeLedger.Opaque(CaseId), dimension, amount);
    }
}
