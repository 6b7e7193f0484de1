using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PepFunctions.App.Capital;
using PepFunctions.App.Files;
using PepFunctions.App.Notifications;
using PepFunctions.Domain;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// Reminds the responsible officer of capital referrals the partner has not answered within
/// <see cref="PipelineOptions.ReferralWait"/>: lenders are slow, and a referral nobody chases is forgotten.
/// </summary>
/// <remarks>
/// Reads <c>ReferralsWaiting</c> up to the date <c>now − ReferralWait</c> (answered referrals are no longer there).
/// The recipient is the case's mentor, or whoever submitted the referral before a mentor is assigned. One reminder
/// per referral per waiting period: the deduplication key holds the period's number, so repeated sweeps (and
/// several app instances) queue it once, and a referral still unanswered after two periods is reminded again.
/// </remarks>
internal sealed class ReferralReminderSweep(
    HubStorage storage, CaseOffices cases, NotificationOutbox outbox, IOptions<PipelineOptions> pipeline, TimeProvider time,
    ILogger<ReferralReminderSweep> logger) : ISweep
{
    /// <summary>The sweep's name.</summary>
    public const string SweepName = "ReminderSweep";

    /// <summary>The kind of notification it queues.</summary>
    public const string NotificationKind = "ReferralUnanswered";

    public string Name => SweepName;

    public async Task<SweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var wait = pipeline.Value.ReferralWait;
        var now = time.GetUtcNow();
        var cutoff = now - wait;
        var waiting = await storage.TableAsync(CapitalTables.ReferralsWaiting, cancellationToken);
        var referrals = await storage.TableAsync(CapitalTables.Referrals, cancellationToken);
        var lastDay = Dates.Format(DateOnly.FromDateTime(cutoff.UtcDateTime));
        int examined = 0, notified = 0;
        await foreach (var row in waiting.QueryAsync<WaitingReferralEntity>(TableClient.CreateQueryFilter($"PartitionKey le {lastDay}"), cancellationToken: cancellationToken))
        {
            if (row.SubmittedAt > cutoff)
            {
                continue;
            }

            examined++;
            var (caseId, referralId) = row.Keys();
            var referral = await referrals.GetEntityIfExistsAsync<ReferralEntity>(caseId, referralId, cancellationToken: cancellationToken);
            if (!referral.HasValue || referral.Value!.Status != nameof(ReferralStatus.Submitted))
            {
                // Answered (the answer's clean-up did not finish) or never written (the submission failed after this row).
                await waiting.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, cancellationToken);
                continue;
            }

            var holder = await cases.FindHolderAsync(caseId, cancellationToken);
            var recipient = holder?.MentorUsername ?? referral.Value.SubmittedBy;
            var period = (long)((now - row.SubmittedAt) / wait);
            var days = (int)(now - row.SubmittedAt).TotalDays;
            var notification = new Notification(recipient, NotificationKind, caseId, Detail:
                $"Rujukan modal {referralId} ke {row.PartnerName} belum dijawab setelah {days} hari. " +
                $"The capital referral {referralId} to {row.PartnerName}, submitted {Dates.Format(Offices.LocalDate(holder?.OfficeCode, row.SubmittedAt))}, has had no answer for {days} days; please follow it up with the partner.");
            if (await outbox.EnqueueAsync(notification, $"{SweepName}|{caseId}|{referralId}|{period}", cancellationToken))
            {
                notified++;
                logger.LogInformation("Reminder queued for unanswered referral {ReferralId} of case {CaseId} to {Recipient}", referralId, caseId, recipient);
            }
        }

        return new SweepResult(SweepName, examined, notified);
    }
}
