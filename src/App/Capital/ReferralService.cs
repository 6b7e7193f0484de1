using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Privacy;
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
public sealed class ReferralService(HubStorage storage, CaseOffices cases, CaseConsents consents, CaseTimeline timeline, TimeProvider time, ILogger<ReferralService> logger)
{
    /// <summary>Refers the person to a financing partner, with a new random referral id.</summary>
    public Task<ReferralResponse> SubmitAsync(StaffMember staff, string caseId, ReferralRequest request, CancellationToken cancellationToken) =>
        SubmitAsync(staff, caseId, request, actionKey: null, cancellationToken);

    /// <summary>Refers the person to a financing partner; the response shows the KUR tier the amount falls in.</summary>
    /// <param name="staff">Who refers.</param>
    /// <param name="caseId">The person's case.</param>
    /// <param name="request">The partner, amount and purpose.</param>
    /// <param name="actionKey">The action's idempotency key (<see cref="IdempotencyKeys"/>): the referral id is derived from it, so a
    /// retry after a crash finds the referral the first attempt wrote instead of adding a second; null for a random id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<ReferralResponse> SubmitAsync(
        StaffMember staff, string caseId, ReferralRequest request, string? actionKey, CancellationToken cancellationToken)
    {
        var office = await cases.RequireAsync(staff, PipelineAction.ReferCapital, caseId, cancellationToken);
        await consents.RequireAsync(caseId, ConsentPurpose.ShareWithFinancingPartners, cancellationToken);
        var referralId = "ref-" + (actionKey is null ? RandomNumberGenerator.GetHexString(12, lowercase: true) : StableIds.From(actionKey, 12));
        var (referral, errors) = Validate(request, office, referralId);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var referrals = await storage.TableAsync(CapitalTables.Referrals, cancellationToken);
        var earlier = await referrals.GetEntityIfExistsAsync<ReferralEntity>(caseId, referralId, cancellationToken: cancellationToken);
        // Written by this same action before a crash or a lost answer: finish with its timeline entry.
        var row = earlier.HasValue ? earlier.Value! : await AddAsync(staff, caseId, office, referral, cancellationToken);
        await timeline.AppendActionAsync(caseId, row.SubmittedAt, row.SubmittedBy, TimelineAction.ReferralSubmitted,
            TimelineDetail.ReferralSubmitted(row.RowKey, Enum.Parse<FinancingPartnerKind>(row.PartnerKind), row.Amount), actionKey ?? row.RowKey, cancellationToken);
        return ReferralResponse.From(row);
    }

    /// <summary>Writes the referral and its <c>ReferralsWaiting</c> row (first, so the sweep never misses it); the twin's row when the same action raced.</summary>
    private async Task<ReferralEntity> AddAsync(StaffMember staff, string caseId, string office, Referral referral, CancellationToken cancellationToken)
    {
        var referrals = await storage.TableAsync(CapitalTables.Referrals, cancellationToken);
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
        await waiting.UpsertEntityAsync(new WaitingReferralEntity
        {
            PartitionKey = Dates.Format(DateOnly.FromDateTime(now.UtcDateTime)),
            RowKey = WaitingReferralEntity.KeyOf(caseId, row.RowKey),
            SubmittedAt = now,
            OfficeCode = office,
            SubmittedBy = staff.Username,
            PartnerName = row.PartnerName,
        }, TableUpdateMode.Replace, cancellationToken);
        try
        {
            await referrals.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
            // The same action, racing: its twin wrote the referral a moment ago.
            return (await referrals.GetEntityAsync<ReferralEntity>(caseId, row.RowKey, cancellationToken: cancellationToken)).Value;
        }

        logger.LogInformation("Referral {ReferralId} of case {CaseId} to {Partner} submitted by {Username}", row.RowKey, caseId, row.PartnerName, staff.Username);
        return row;
    }

    /// <summary>Records the partner's answer, as an action without a key.</summary>
    public Task<ReferralResponse> AnswerAsync(
        StaffMember staff, string caseId, string referralId, ReferralAnswerRequest request, CancellationToken cancellationToken) =>
        AnswerAsync(staff, caseId, referralId, request, actionKey: null, cancellationToken);

    /// <summary>Records the partner's answer.</summary>
    /// <param name="staff">Who records it.</param>
    /// <param name="caseId">The person's case.</param>
    /// <param name="referralId">The referral.</param>
    /// <param name="request">The answer.</param>
    /// <param name="actionKey">The action's idempotency key, stored on the referral: a retry of the same answer after a crash
    /// finds its own earlier write and finishes the work instead of answering 409.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ConflictException">The move is not allowed from the referral's status (e.g. disbursed before accepted).</exception>
    public async Task<ReferralResponse> AnswerAsync(
        StaffMember staff, string caseId, string referralId, ReferralAnswerRequest request, string? actionKey, CancellationToken cancellationToken)
    {
        if (request.Status is not ({ } to and (ReferralStatus.Accepted or ReferralStatus.Rejected or ReferralStatus.Disbursed)))
        {
            throw new RequestValidationException(nameof(request.Status), "Say what the partner answered: Accepted, Rejected or Disbursed.");
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (to == ReferralStatus.Rejected && reason is null)
        {
            throw new RequestValidationException(nameof(request.Reason), "Give the partner's reason for the rejection.");
        }

        if (reason is { Length: > Referral.MaxPurposeLength })
        {
            throw new RequestValidationException(nameof(request.Reason), $"The reason must be at most {Referral.MaxPurposeLength} characters.");
        }

        await cases.RequireAsync(staff, PipelineAction.RecordPartnerAnswer, caseId, cancellationToken);
        var table = await storage.TableAsync(CapitalTables.Referrals, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<ReferralEntity>(caseId, referralId, cancellationToken: cancellationToken);
        var row = found.HasValue ? found.Value! : throw new NotFoundException($"Case '{caseId}' has no referral '{referralId}'.");
        if (actionKey is not null && row.AnswerKey == actionKey)
        {
            // This answer was written by the same action before a crash: finish what it left undone.
            await StopWaitingAsync(row, cancellationToken);
            await AppendAnswerAsync(row, actionKey, cancellationToken);
            return ReferralResponse.From(row);
        }

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
        row.AnswerKey = actionKey;
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

        await AppendAnswerAsync(row, actionKey, cancellationToken);
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
        var holders = await Task.WhenAll(caseIds.Select(id => cases.FindHolderAsync(id, cancellationToken)));
        // The same scope as one case (CaseOffices.RequireViewHolderAsync): a mentor's own mentees who consented, nobody else's.
        var officeOf = caseIds.Zip(holders)
            .Where(pair => pair.Second is { } holder && AccessPolicy.CanViewCase(staff, holder.OfficeCode, holder.MentorUsername)
                && CaseConsents.AllowsMentor(staff, holder.ConsentJson))
            .ToDictionary(pair => pair.First, pair => pair.Second!.OfficeCode, StringComparer.Ordinal);
        return [.. rows
            .Select(row => (Row: row, Keys: row.Keys()))
            .Where(item => officeOf.TryGetValue(item.Keys.CaseId, out var holder)
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

    /// <summary>The answer's timeline entry, at the time of the status it recorded; without a key, a referral reaches each status once.</summary>
    private Task AppendAnswerAsync(ReferralEntity row, string? actionKey, CancellationToken cancellationToken)
    {
        var status = Enum.Parse<ReferralStatus>(row.Status);
        var at = status switch
        {
            ReferralStatus.Accepted => row.AcceptedAt,
            ReferralStatus.Rejected => row.RejectedAt,
            _ => row.DisbursedAt,
        };
        return timeline.AppendActionAsync(row.PartitionKey, at ?? time.GetUtcNow(), row.AnsweredBy ?? "", TimelineAction.ReferralAnswered,
            TimelineDetail.ReferralAnswered(row.RowKey, status), actionKey ?? $"{row.RowKey}|{status}", cancellationToken);
    }

    /// <summary>The referral the request describes, with the partner's kind filled in from the known partners.</summary>
    private static (Referral Referral, List<FieldError> Errors) Validate(ReferralRequest request, string office, string referralId)
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

        var referral = new Referral(referralId, name, kind, request.Amount ?? 0, request.Purpose?.Trim() ?? "");
        errors.AddRange(referral.Validate().Where(error => errors.All(e => e.Field != error.Field)));
        return (referral, errors);
    }
}
