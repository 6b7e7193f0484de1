using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Privacy;
using PepFunctions.App.Reports;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Pokmas;

/// <summary>
/// Pokmas Lipas (community groups that support people in and after prison): the groups that work with each UPT, their
/// members, and the activities they hold, each shown on its participants' timelines.
/// </summary>
/// <remarks>
/// Ids come from the action's idempotency key, so a retry after a crash finds what the first attempt wrote and its
/// timeline entries overwrite themselves. A group's members are mentors with a staff account at the group's office, or
/// plain members by name (community members, not people in the programme: listed in <c>docs/tables.md</c>).
/// </remarks>
public sealed class PokmasService(
    HubStorage storage, CaseOffices cases, CaseTimeline timeline, ProgrammeLedger ledger, StaffDirectory directory, TimeProvider time,
    ILogger<PokmasService> logger)
{
    /// <summary>Creates a group at an office whose staff the signed-in member is.</summary>
    public async Task<PokmasGroupResponse> CreateGroupAsync(StaffMember staff, PokmasGroupRequest request, string actionKey, CancellationToken cancellationToken)
    {
        var group = new PokmasGroup(request.Name?.Trim() ?? "", request.OfficeCode?.Trim().ToUpperInvariant() ?? "",
            [.. (request.Members ?? []).Select(m => new PokmasMember(Blank(m?.Username), Blank(m?.Name)))]);
        var errors = group.Validate().Concat(await UnknownMentorsAsync(group, cancellationToken)).ToList();
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (!PokmasAccess.CanManage(staff, group.OfficeCode))
        {
            throw new ForbiddenException("Only the staff of the group's office (or an administrator) may set up its Pokmas Lipas.");
        }

        var row = new PokmasGroupEntity
        {
            PartitionKey = group.OfficeCode,
            RowKey = "pkg-" + StableIds.From(actionKey, 12),
            Name = group.Name,
            MembersJson = RecordJson.Serialize(group.Members),
            CreatedBy = staff.Username,
            CreatedAt = time.GetUtcNow(),
        };
        var table = await storage.TableAsync(PokmasTables.Groups, cancellationToken);
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            logger.LogInformation("Pokmas group {GroupId} at {OfficeCode} created by {Username}", row.RowKey, row.PartitionKey, staff.Username);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
            // Written by this same action before a crash.
            row = (await table.GetEntityAsync<PokmasGroupEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value;
        }

        return ResponseOf(row);
    }

    /// <summary>The groups of <paramref name="officeCode"/>, or of every office the member sees when null; by name.</summary>
    public async Task<IReadOnlyList<PokmasGroupResponse>> ListGroupsAsync(StaffMember staff, string? officeCode, CancellationToken cancellationToken)
    {
        var offices = officeCode is null
            ? Offices.Seed.Where(o => o.Kind is OfficeKind.Lapas or OfficeKind.Rutan or OfficeKind.Bapas && PokmasAccess.CanView(staff, o.Code)).Select(o => o.Code)
            : PokmasAccess.CanView(staff, officeCode) ? [officeCode.ToUpperInvariant()] : throw new ForbiddenException("This office's groups are not yours to see.");
        var table = await storage.TableAsync(PokmasTables.Groups, cancellationToken);
        var groups = new List<PokmasGroupResponse>();
        foreach (var office in offices)
        {
            await foreach (var row in table.QueryAsync<PokmasGroupEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {office}"), cancellationToken: cancellationToken))
            {
                groups.Add(ResponseOf(row));
            }
        }

        return [.. groups.OrderBy(g => g.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>One group; 404 when there is none the member may see.</summary>
    public async Task<PokmasGroupResponse> GetGroupAsync(StaffMember staff, string groupId, CancellationToken cancellationToken) =>
        ResponseOf(await RequireGroupAsync(staff, groupId, cancellationToken));

    /// <summary>Records an activity the group held; each participant's timeline shows it.</summary>
    public async Task<PokmasActivityResponse> RecordActivityAsync(
        StaffMember staff, string groupId, PokmasActivityRequest request, string actionKey, CancellationToken cancellationToken)
    {
        var groupRow = await RequireGroupAsync(staff, groupId, cancellationToken);
        var group = GroupOf(groupRow);
        if (!PokmasAccess.CanRecordActivity(staff, group))
        {
            throw new ForbiddenException("Only the group's members and its office's staff record its activities.");
        }

        var today = Offices.LocalDate(group.OfficeCode, time.GetUtcNow());
        var activity = new PokmasActivity(request.Date ?? default, request.Kind ?? (PokmasActivityKind)(-1), request.Place?.Trim() ?? "",
            [.. (request.Participants ?? []).Select(p => p?.Trim() ?? "")], request.OtherAttendees ?? 0);
        var errors = activity.Validate(today).ToList();
        if (request.Date is null)
        {
            errors.Add(new(nameof(PokmasActivity.Date), "Give the day it was held."));
        }

        if (errors.Count == 0)
        {
            errors.AddRange(await ParticipantsElsewhereAsync(staff, activity, group.OfficeCode, cancellationToken));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var row = new PokmasActivityEntity
        {
            PartitionKey = groupRow.RowKey,
            RowKey = "pka-" + StableIds.From(actionKey, 12),
            OfficeCode = group.OfficeCode,
            Date = Dates.Format(activity.Date),
            Kind = activity.Kind.ToString(),
            Place = activity.Place,
            ParticipantsJson = RecordJson.Serialize(activity.Participants),
            OtherAttendees = activity.OtherAttendees,
            RecordedBy = staff.Username,
            RecordedAt = time.GetUtcNow(),
        };
        var table = await storage.TableAsync(PokmasTables.Activities, cancellationToken);
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
            row = (await table.GetEntityAsync<PokmasActivityEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value;
        }

        // After the activity's row, so a crash in between is finished by the retry, which writes the same entries again.
        var detail = TimelineDetail.PokmasActivity(row.PartitionKey, row.RowKey, activity.Kind, activity.Date);
        foreach (var caseId in RecordJson.Deserialize<List<string>>(row.ParticipantsJson) ?? [])
        {
            await timeline.AppendActionAsync(caseId, row.RecordedAt, row.RecordedBy, TimelineAction.PokmasActivity, detail, row.RowKey, cancellationToken);
        }

        await ledger.RecordAsync(FactOf(row), cancellationToken);
        logger.LogInformation("Pokmas activity {ActivityId} of group {GroupId} recorded by {Username}", row.RowKey, row.PartitionKey, staff.Username);
        return ResponseOf(row);
    }

    /// <summary>The group's activities, newest first.</summary>
    public async Task<IReadOnlyList<PokmasActivityResponse>> ListActivitiesAsync(StaffMember staff, string groupId, CancellationToken cancellationToken)
    {
        var group = await RequireGroupAsync(staff, groupId, cancellationToken);
        var table = await storage.TableAsync(PokmasTables.Activities, cancellationToken);
        var activities = new List<PokmasActivityResponse>();
        await foreach (var row in table.QueryAsync<PokmasActivityEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {group.RowKey}"), cancellationToken: cancellationToken))
        {
            activities.Add(ResponseOf(row));
        }

        return [.. activities.OrderByDescending(a => a.Date).ThenByDescending(a => a.RecordedAt)];
    }

    // Groups are few (a handful per UPT): finding one by id across the offices' partitions reads the whole small table.
    private async Task<PokmasGroupEntity> RequireGroupAsync(StaffMember staff, string groupId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(PokmasTables.Groups, cancellationToken);
        await foreach (var row in table.QueryAsync<PokmasGroupEntity>(TableClient.CreateQueryFilter($"RowKey eq {groupId}"), cancellationToken: cancellationToken))
        {
            if (PokmasAccess.CanView(staff, row.PartitionKey))
            {
                return row;
            }
        }

        throw new NotFoundException("There is no such Pokmas Lipas group (or it is not yours to see).");
    }

    private async Task<List<FieldError>> UnknownMentorsAsync(PokmasGroup group, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < (group.Members?.Count ?? 0); i++)
        {
            if (group.Members![i].Username is not { } username)
            {
                continue;
            }

            var mentor = await directory.FindAsync(username, cancellationToken);
            if (mentor is not { Role: StaffRole.PokmasMentor } || !string.Equals(mentor.OfficeCode, group.OfficeCode, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new($"{nameof(PokmasGroup.Members)}[{i}].{nameof(PokmasMember.Username)}",
                    "Not a Pokmas Lipas mentor of this office in the staff directory; list a plain member by name instead."));
            }
        }

        return errors;
    }

    private async Task<List<FieldError>> ParticipantsElsewhereAsync(StaffMember staff, PokmasActivity activity, string officeCode, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < activity.Participants.Count; i++)
        {
            var caseId = activity.Participants[i];
            var holder = CaseOffices.IsPossibleId(caseId) ? await cases.FindHolderAsync(caseId, cancellationToken) : null;
            // One by one, as a single read would check it: the recorder must see the person (a mentor: their own consenting mentee).
            if (holder is null || !string.Equals(holder.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase)
                || !AccessPolicy.CanViewCase(staff, holder.OfficeCode, holder.MentorUsername) || !CaseConsents.AllowsMentor(staff, holder.ConsentJson))
            {
                errors.Add(new($"{nameof(PokmasActivity.Participants)}[{i}]", "Not a case of the group's office."));
            }
        }

        return errors;
    }

    private static PokmasGroup GroupOf(PokmasGroupEntity row) =>
        new(row.Name, row.PartitionKey, RecordJson.Deserialize<List<PokmasMember>>(row.MembersJson) ?? []);

    private static PokmasGroupResponse ResponseOf(PokmasGroupEntity row) =>
        new(row.RowKey, row.Name, row.PartitionKey, GroupOf(row).Members, row.CreatedBy, row.CreatedAt);

    private static PokmasActivityResponse ResponseOf(PokmasActivityEntity row)
    {
        var participants = RecordJson.Deserialize<List<string>>(row.ParticipantsJson) ?? [];
        return new(row.RowKey, row.PartitionKey, row.OfficeCode, Dates.Parse(row.Date), Enum.Parse<PokmasActivityKind>(row.Kind), row.Place,
            participants, row.OtherAttendees, participants.Count + row.OtherAttendees, row.RecordedBy, row.RecordedAt);
    }

    /// <summary>
    /// Takes an erased person out of the activities they took part in: their case id leaves the participants and they
    /// count among the others reached, so the activity still reached as many people. Safe to run again.
    /// </summary>
    /// <remarks>Activities are few (a handful a month per group): this reads them all, as an erasure may.</remarks>
    internal static async Task ForgetParticipantAsync(HubStorage storage, string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(PokmasTables.Activities, cancellationToken);
        await foreach (var row in table.QueryAsync<PokmasActivityEntity>(cancellationToken: cancellationToken))
        {
            var participants = RecordJson.Deserialize<List<string>>(row.ParticipantsJson) ?? [];
            if (participants.Remove(caseId))
            {
                row.ParticipantsJson = RecordJson.Serialize(participants);
                row.OtherAttendees++;
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
        }
    }

    /// <summary>The programme fact of an activity: one held, reaching its participants and the others.</summary>
    internal static ProgrammeFact FactOf(PokmasActivityEntity row) =>
        new(ProgrammeFigure.PokmasActivity, row.OfficeCode, row.Date[..7], row.RowKey, Person: "", row.Kind,
            (RecordJson.Deserialize<List<string>>(row.ParticipantsJson)?.Count ?? 0) + row.OtherAttendees, Detail: row.PartitionKey);

    /// <summary>The number of members of each group of <paramref name="officeCodes"/>, by group id.</summary>
    public async Task<IReadOnlyDictionary<string, int>> MemberCountsAsync(IEnumerable<string> officeCodes, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(PokmasTables.Groups, cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var office in officeCodes)
        {
            await foreach (var row in table.QueryAsync<PokmasGroupEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {office}"), cancellationToken: cancellationToken))
            {
                counts[row.RowKey] = RecordJson.Deserialize<List<PokmasMember>>(row.MembersJson)?.Count ?? 0;
            }
        }

        return counts;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
