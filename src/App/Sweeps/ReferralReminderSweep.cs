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
/// <para>Reads its own due index (<see cref="ReferralReminders"/>): a run first takes up the referrals submitted since the
/// last run's cutoff (<c>now − ReferralWait</c>; the sweep saves it), scheduling each one's first reminder, then reads the
/// reminders due now, and moves each one sent to the next waiting period. A referral answered meanwhile is dropped at its
/// reminder's time (and its <c>ReferralsWaiting</c> row with it, if the answer's clean-up did not finish).</para>
/// <para>The recipient is the case's mentor, or whoever submitted the referral before a mentor is assigned. One reminder
/// per referral per waiting period: the deduplication key holds the period's number, so repeated sweeps (and several app
/// instances) queue it once, and a referral still unanswered after two periods is reminded again.</para>
/// </remarks>
internal sealed class ReferralReminderSweep(
    HubStorage storage, ReferralReminders reminders, CaseOffices cases, NotificationOutbox outbox, IOptions<PipelineOptions> pipeline, TimeProvider time,
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
        var takenUp = await reminders.TakenUpThroughAsync(cancellationToken);
        if (takenUp is null || takenUp < cutoff)
        {
            // Saved before any reminder is sent: a run cut off here takes the same rows up again (the same keys).
            await foreach (var row in reminders.ListNewlyWaitingAsync(takenUp, cutoff, cancellationToken))
            {
                await reminders.ScheduleAsync(row, row.SubmittedAt + wait, cancellationToken);
            }

            await reminders.SaveTakenUpThroughAsync(cutoff, cancellationToken);
        }

        var waiting = await storage.TableAsync(CapitalTables.ReferralsWaiting, cancellationToken);
        var referrals = await storage.TableAsync(CapitalTables.Referrals, cancellationToken);
        int examined = 0, notified = 0;
        await foreach (var reminder in reminders.ListDueAsync(now, cancellationToken))
        {
            examined++;
            var (caseId, referralId) = (reminder.CaseId, reminder.ReferralId);
            var referral = await referrals.GetEntityIfExistsAsync<ReferralEntity>(caseId, referralId, cancellationToken: cancellationToken);
            if (!referral.HasValue || referral.Value!.Status != nameof(ReferralStatus.Submitted))
            {
                // Answered (the answer's clean-up may not have finished) or never written (the submission failed after its row).
                await DeleteIfThereAsync(waiting, reminder.WaitingPartition, WaitingReferralEntity.KeyOf(caseId, referralId), cancellationToken);
                await reminders.MoveAsync(reminder, next: null, cancellationToken);
                continue;
            }

            var holder = await cases.FindHolderAsync(caseId, cancellationToken);
            var recipient = holder?.MentorUsername ?? referral.Value.SubmittedBy;
            var period = (long)((now - reminder.SubmittedAt) / wait);
            var days = (int)(now - reminder.SubmittedAt).TotalDays;
            var notification = new Notification(recipient, NotificationKind, caseId, Detail:
                $"Rujukan modal {referralId} ke {reminder.PartnerName} belum dijawab setelah {days} hari. " +
                $"The capital referral {referralId} to {reminder.PartnerName}, submitted {Dates.Format(Offices.LocalDate(holder?.OfficeCode, reminder.SubmittedAt))}, has had no answer for {days} days; please follow it up with the partner.");
            if (await outbox.EnqueueAsync(notification, $"{SweepName}|{caseId}|{referralId}|{period}", cancellationToken))
            {
                notified++;
                logger.LogInformation("Reminder queued for unanswered referral {ReferralId} of case {CaseId} to {Recipient}", referralId, caseId, recipient);
            }

            await reminders.MoveAsync(reminder, reminder.SubmittedAt + (period + 1) * wait, cancellationToken);
        }

        return new SweepResult(SweepName, examined, notified);
    }

    private static async Task DeleteIfThereAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, Azure.ETag.All, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (TableErrors.IsNotFound(ex))
        {
            // Removed by the answer already.
        }
    }
}
