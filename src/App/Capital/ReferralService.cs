using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Capital;

/// <summary>
/// Capital referrals to banks (KUR), Pegadaian, cooperatives and grant programmes, and the partners' answers
/// (<see cref="ReferralTransitions"/>).
/// </summary>
/// <remarks>
/// A referral waiting for its answer also has a row in <c>ReferralsWaiting</c>, written before the referral and
/// deleted after the answer, so the reminder sweep reads only what is still open. A waiting row whose referral
/// was answered or never written is removed by the sweep.
/// </remarks>
internal sealed class ReferralService(HubStorage storage, CaseOffices cases, TimeProvider time, ILogger<ReferralService> logger)
{
    /// <summary>Refers the person to a financing partner; the response shows the KUR tier the amount falls in.</summary>
    public async Task<ReferralResponse> SubmitAsync(StaffMember staff, string caseId, ReferralRequest request, CancellationToken cancellationToken)
    {
        var office = await cases.RequireAsync(staff, PipelineAction.ReferCapital, caseId, cancellationToken);
        var (referral, errors) = Validate(request, office);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var now = time.GetUtcNow();
        var row = new ReferralEntity
        {
            PartitionKey = caseId,
            RowKey = referral.ReferralId,
            PartnerName = referral.PartnerName,
            PartnerKind = referral.Kind.ToString(),
            Amount = referral.Amount,
            Purpose = referral.Purpose,
            KurTier = referral.MatchingKurTier()?.Name,
            Status = nameof(ReferralStatus.Submitted),
            OfficeCode = office,
            SubmittedBy = staff.Username,
            SubmittedAt = now,
        };
        var waiting = await storage.TableAsync(CapitalTables.ReferralsWaiting, cancellationToken);
        await waiting.AddEntityAsync(new WaitingReferralEntity
        {
            PartitionKey = Dates.Format(DateOnly.FromDateTime(now.UtcDateTime)),
            RowKey = WaitingReferralEntity.KeyOf(caseId, row.RowKey),
            SubmittedAt = now,
            OfficeCode = office,
            SubmittedBy = staff.Username,
            PartnerName = row.PartnerName,
        }, cancellationToken);
        var referrals = await storage.TableAsync(CapitalTables.Referrals, cancellationToken);
        await referrals.AddEntityAsync(row, cancellationToken);
        logger.LogInformation("Referral {ReferralId} of case {CaseId} to {Partner} submitted by {Username}", row.RowKey, caseId, row.PartnerName, staff.Username);
        return ReferralResponse.From(row);
    }

    /// <summary>Records the partner's answer.</summary>
    /// <exception cref="ConflictException">The move is not allowed from the referral's status (e.g. disbursed before accepted).</exception>
    public async Task<ReferralResponse> AnswerAsync(
        StaffMember staff, string caseId, string referralId, ReferralAnswerRequest request, CancellationToken cancellationToken)
    {
        if (request.Status is not { } to)
        {
            throw new RequestValidationException(nameof(request.Status), "Say what the partner answered: Accepted, Rejected or Disbursed.");
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (to == ReferralStatus.Rejected && reason is null)
        {
            throw new RequestValidationException(nameof(request.Reason), "Give the partner's reason for the rejection.");
        }

        await cases.RequireAsync(staff, PipelineAction.RecordPartnerAnswer, caseId, cancellationToken);
        var table = await storage.TableAsync(CapitalTables.Referrals, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<ReferralEntity>(caseId, referralId, cancellationToken: cancellationToken);
        var row = found.HasValue ? found.Value! : throw new NotFoundException($"Case '{caseId}' has no referral '{referralId}'.");
        var from = Enum.Parse<ReferralStatus>(row.Status);
        var change = ReferralTransitions.Check(from, to);
        if (!change.Allowed)
        {
            throw new ConflictException(change.Message!);
        }

        var now = time.GetUtcNow();
        row.Status = to.ToString();
        row.Reason = reason ?? row.Reason;
        row.AnsweredBy = staff.Username;
        switch (to)
        {
            case ReferralStatus.Accepted:
                row.AcceptedAt = now;
                break;
            case ReferralStatus.Rejected:
                row.RejectedAt = now;
                break;
            default:
                row.DisbursedAt = now;
                break;
        }

        try
        {
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status412PreconditionFailed)
        {
            throw new ConflictException($"Referral '{referralId}' was answered by someone else at the same moment; load it again.");
        }

        if (from == ReferralStatus.Submitted)
        {
            await StopWaitingAsync(row, cancellationToken);
        }

        logger.LogInformation("Referral {ReferralId} of case {CaseId} moved from {From} to {To} by {Username}", referralId, caseId, from, to, staff.Username);
        return ReferralResponse.From(row);
    }

    /// <summary>The person's referrals, newest first.</summary>
    public async Task<IReadOnlyList<ReferralResponse>> ListAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        await cases.RequireViewAsync(staff, caseId, cancellationToken);
        var table = await storage.TableAsync(CapitalTables.Referrals, cancellationToken);
        var referrals = new List<ReferralResponse>();
        await foreach (var row in table.QueryAsync<ReferralEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            referrals.Add(ReferralResponse.From(row));
        }

        return [.. referrals.OrderByDescending(referral => referral.SubmittedAt)];
    }

    /// <summary>
    /// The referrals still waiting for a partner's answer, oldest first, of the cases <paramref name="staff"/> may see
    /// now; only those of <paramref name="officeCode"/> when one is given.
    /// </summary>
    /// <remarks>
    /// Reads <c>ReferralsWaiting</c>, which holds only the unanswered referrals, partition by partition (submitted date),
    /// then the office holding each case now (<see cref="CaseOffices"/>, one point read per case): a case transferred
    /// since the referral is shown to its new office, not its old one. A row whose case is gone is left out.
    /// </remarks>
    /// <exception cref="RequestValidationException"><paramref name="officeCode"/> is not a known office.</exception>
    /// <exception cref="ForbiddenException"><paramref name="staff"/> does not see <paramref name="officeCode"/>.</exception>
    public async Task<IReadOnlyList<WaitingReferralResponse>> ListWaitingAsync(StaffMember staff, string? officeCode, CancellationToken cancellationToken)
    {
        string? office = null;
        if (!string.IsNullOrWhiteSpace(officeCode))
        {
            office = Offices.Find(officeCode.Trim())?.Code ?? throw new RequestValidationException("office", $"'{officeCode}' is not a known office.");
            if (!AccessPolicy.CanView(staff, office))
            {
                throw new ForbiddenException($"{office} is not an office {staff.Username} sees.");
            }
        }

        var table = await storage.TableAsync(CapitalTables.ReferralsWaiting, cancellationToken);
        var rows = new List<WaitingReferralEntity>();
        await foreach (var row in table.QueryAsync<WaitingReferralEntity>(cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        var caseIds = rows.Select(row => row.Keys().CaseId).Distinct(StringComparer.Ordinal).ToList();
        var holders = await Task.WhenAll(caseIds.Select(id => cases.FindAsync(id, cancellationToken)));
        var officeOf = caseIds.Zip(holders).Where(pair => pair.Second is not null).ToDictionary(pair => pair.First, pair => pair.Second!, StringComparer.Ordinal);
        return [.. rows
            .Select(row => (Row: row, Keys: row.Keys()))
            .Where(item => officeOf.TryGetValue(item.Keys.CaseId, out var holder) && AccessPolicy.CanView(staff, holder)
                && (office is null || string.Equals(holder, office, StringComparison.OrdinalIgnoreCase)))
            .Select(item => new WaitingReferralResponse(
                item.Keys.CaseId, item.Keys.ReferralId, officeOf[item.Keys.CaseId], item.Row.PartnerName, item.Row.SubmittedBy, item.Row.SubmittedAt))
            .OrderBy(waiting => waiting.SubmittedAt)];
    }

    /// <summary>Removes the referral's <c>ReferralsWaiting</c> row; a missing one is fine.</summary>
    internal async Task StopWaitingAsync(ReferralEntity row, CancellationToken cancellationToken)
    {
        var waiting = await storage.TableAsync(CapitalTables.ReferralsWaiting, cancellationToken);
        await waiting.DeleteEntityAsync(
            Dates.Format(DateOnly.FromDateTime(row.SubmittedAt.UtcDateTime)), WaitingReferralEntity.KeyOf(row.PartitionKey, row.RowKey),
            ETag.All, cancellationToken);
    }

    /// <summary>The referral the request describes, with the partner's kind filled in from the known partners.</summary>
    private static (Referral Referral, List<FieldError> Errors) Validate(ReferralRequest request, string office)
    {
        var errors = new List<FieldError>();
        var name = request.PartnerName?.Trim() ?? "";
        var province = Offices.Find(office)?.Province;
        var known = FinancingPartners.Seed.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        FinancingPartnerKind kind;
        if (known is not null)
        {
            name = known.Name;
            kind = known.Kind;
            if (request.Kind is { } given && given != known.Kind)
            {
                errors.Add(new(nameof(Referral.Kind), $"{known.Name} is a {known.Kind}, not a {given}."));
            }

            if (known.Province is { } served && served != province)
            {
                errors.Add(new(nameof(Referral.PartnerName), $"{known.Name} serves {served} only; this case is in {province}."));
            }
        }
        else
        {
            kind = request.Kind ?? default;
            if (request.Kind is null && name.Length > 0)
            {
                errors.Add(new(nameof(Referral.Kind), $"'{name}' is not a partner the programme knows; say what kind of partner it is."));
            }
        }

        var referral = new Referral("ref-" + RandomNumberGenerator.GetHexString(12, lowercase: true), name, kind, request.Amount ?? 0, request.Purpose?.Trim() ?? "");
        errors.AddRange(referral.Validate().Where(error => errors.All(e => e.Field != error.Field)));
        return (referral, errors);
    }
}
