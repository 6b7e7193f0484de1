using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Mentoring;

/// <summary>Keeps the follow-ups of each case (<c>FollowUps</c>) and the open ones by due date (<c>FollowUpsDue</c>).</summary>
/// <remarks>
/// <c>FollowUps</c> is the record; <c>FollowUpsDue</c> is its index of open follow-ups, written after it. Every
/// method can run again with the same arguments and leaves the same rows.
/// Public so that public function and activity classes can take it; its members work on internal table rows.
/// </remarks>
public sealed class FollowUpStore(HubStorage storage)
{
    private const int MaxAttempts = 10;

    /// <summary>Lays out a case's follow-ups; follow-ups already laid out (e.g. by an earlier run) are kept as they are.</summary>
    internal async Task ScheduleAsync(
        string caseId, string officeCode, string? mentor, IReadOnlyList<DateTimeOffset> dues, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(FollowUpTables.FollowUps, cancellationToken);
        var existing = (await ListAsync(caseId, cancellationToken)).ToDictionary(f => f.Sequence);
        var added = new List<FollowUpEntity>();
        for (var i = 0; i < dues.Count; i++)
        {
            if (!existing.ContainsKey(i + 1))
            {
                added.Add(new FollowUpEntity
                {
                    PartitionKey = caseId,
                    RowKey = FollowUpTables.SequenceKey(i + 1),
                    Sequence = i + 1,
                    DueAt = dues[i],
                    OfficeCode = officeCode,
                    MentorUsername = mentor,
                });
            }
        }

        foreach (var chunk in added.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(f => new TableTransactionAction(TableTransactionActionType.UpsertReplace, f)), cancellationToken);
        }

        await IndexAsync([.. existing.Values.Where(f => f.StateValue != FollowUpState.Done), .. added], cancellationToken);
    }

    /// <summary>A case's follow-ups, in order: one partition.</summary>
    internal async Task<IReadOnlyList<FollowUpEntity>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(FollowUpTables.FollowUps, cancellationToken);
        var followUps = new List<FollowUpEntity>();
        await foreach (var followUp in table.QueryAsync<FollowUpEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            followUps.Add(followUp);
        }

        return followUps;
    }

    /// <summary>One follow-up, or null.</summary>
    internal async Task<FollowUpEntity?> FindAsync(string caseId, int sequence, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(FollowUpTables.FollowUps, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<FollowUpEntity>(caseId, FollowUpTables.SequenceKey(sequence), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Stores the visit of an open follow-up and takes it off the due list.</summary>
    /// <exception cref="NotFoundException">No such follow-up.</exception>
    /// <exception cref="ConflictException">It was recorded already.</exception>
    /// <remarks>A retry of the same action (<paramref name="actionKey"/>) finds its own record and finishes the unindexing.</remarks>
    internal async Task<FollowUpEntity> RecordAsync(
        string caseId, int sequence, string visitJson, string recordedBy, DateTimeOffset recordedAt, string actionKey, CancellationToken cancellationToken)
    {
        var recorded = await UpdateAsync(caseId, sequence, followUp =>
        {
            if (followUp.StateValue == FollowUpState.Done && followUp.RecordKey == actionKey)
            {
                return false;
            }

            if (followUp.StateValue == FollowUpState.Done)
            {
                throw new ConflictException($"Follow-up {sequence} of case '{caseId}' was recorded already, by {followUp.RecordedBy}.");
            }

            followUp.State = nameof(FollowUpState.Done);
            followUp.VisitJson = visitJson;
            followUp.RecordedBy = recordedBy;
            followUp.RecordedAt = recordedAt;
            followUp.RecordKey = actionKey;
            return true;
        }, cancellationToken) ?? throw new NotFoundException($"Case '{caseId}' has no follow-up {sequence}.");
        await UnindexAsync(recorded, cancellationToken);
        return recorded;
    }

    /// <summary>Marks a follow-up overdue unless it was done meanwhile; false when it was done (or does not exist).</summary>
    internal async Task<bool> MarkOverdueAsync(string caseId, int sequence, CancellationToken cancellationToken)
    {
        var followUp = await UpdateAsync(caseId, sequence, f =>
        {
            if (f.StateValue is FollowUpState.Done or FollowUpState.Overdue)
            {
                return false;
            }

            f.State = nameof(FollowUpState.Overdue);
            return true;
        }, cancellationToken);
        if (followUp is null || followUp.StateValue == FollowUpState.Done)
        {
            return false;
        }

        await IndexAsync([followUp], cancellationToken);

        // A visit recorded between the update and the index would leave a done follow-up on the due list.
        if ((await FindAsync(caseId, sequence, cancellationToken))?.StateValue == FollowUpState.Done)
        {
            await UnindexAsync(followUp, cancellationToken);
            return false;
        }

        return true;
    }

    /// <summary>Moves the open follow-ups of a case to another office and mentor (a transfer).</summary>
    internal async Task ReassignAsync(string caseId, string officeCode, string? mentor, CancellationToken cancellationToken)
    {
        var open = (await ListAsync(caseId, cancellationToken)).Where(f => f.StateValue != FollowUpState.Done).ToList();
        var moved = new List<FollowUpEntity>();
        foreach (var followUp in open)
        {
            moved.Add(await UpdateAsync(caseId, followUp.Sequence, f =>
            {
                f.OfficeCode = officeCode;
                f.MentorUsername = mentor;
                return true;
            }, cancellationToken) ?? followUp);
        }

        await IndexAsync(moved, cancellationToken);
    }

    /// <summary>
    /// Closes every open follow-up of a closed case with it (<see cref="FollowUpEntity.ClosedAt"/>: no longer open or
    /// overdue) and takes it off the due list; the follow-ups themselves stay on record. A re-run does it again harmlessly.
    /// </summary>
    internal async Task CloseOpenAsync(string caseId, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        foreach (var followUp in await ListAsync(caseId, cancellationToken))
        {
            if (followUp.StateValue != FollowUpState.Done && followUp.ClosedAt is null)
            {
                await UpdateAsync(caseId, followUp.Sequence, f =>
                {
                    if (f.StateValue == FollowUpState.Done || f.ClosedAt is not null)
                    {
                        return false;
                    }

                    f.ClosedAt = closedAt;
                    return true;
                }, cancellationToken);
            }

            await UnindexAsync(followUp, cancellationToken);
        }
    }

    /// <summary>Takes every open follow-up of a closed case off the due list (the follow-ups themselves stay on record).</summary>
    internal async Task UnindexOpenAsync(string caseId, CancellationToken cancellationToken)
    {
        foreach (var followUp in await ListAsync(caseId, cancellationToken))
        {
            await UnindexAsync(followUp, cancellationToken);
        }
    }

    /// <summary>The open follow-ups due on or before <paramref name="lastDay"/> (overdue ones included): one range of date partitions.</summary>
    internal async Task<IReadOnlyList<FollowUpDueEntity>> ListDueAsync(DateOnly lastDay, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(FollowUpTables.FollowUpsDue, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {FollowUpTables.DateKey(lastDay)}");
        var due = new List<FollowUpDueEntity>();
        await foreach (var row in table.QueryAsync<FollowUpDueEntity>(filter, cancellationToken: cancellationToken))
        {
            due.Add(row);
        }

        return due;
    }

    private async Task<FollowUpEntity?> UpdateAsync(string caseId, int sequence, Func<FollowUpEntity, bool> change, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(FollowUpTables.FollowUps, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await FindAsync(caseId, sequence, cancellationToken) is not { } followUp)
            {
                return null;
            }

            if (!change(followUp))
            {
                return followUp;
            }

            try
            {
                var response = await table.UpdateEntityAsync(followUp, followUp.ETag, TableUpdateMode.Replace, cancellationToken);
                followUp.ETag = response.Headers.ETag ?? default;
                return followUp;
            }
            catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status412PreconditionFailed)
            {
                // Changed meanwhile: read it again.
            }
        }

        throw new ConflictException($"Follow-up {sequence} of case '{caseId}' kept changing while it was being updated; try again.");
    }

    private async Task IndexAsync(IEnumerable<FollowUpEntity> followUps, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(FollowUpTables.FollowUpsDue, cancellationToken);
        foreach (var day in followUps.Select(FollowUpDueEntity.From).GroupBy(row => row.PartitionKey))
        {
            foreach (var chunk in day.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken);
            }
        }
    }

    private async Task UnindexAsync(FollowUpEntity followUp, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(FollowUpTables.FollowUpsDue, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(FollowUpTables.DateKey(followUp.DueAt), FollowUpTables.DueKey(followUp.PartitionKey, followUp.Sequence), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsNotFound(ex))
        {
            // Not on the list (done, or never indexed).
        }
    }
}
