using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.App.Mentoring;
using PepFunctions.Domain;

namespace PepFunctions.App.Staff;

/// <summary>
/// Adding, changing and listing staff records (<see cref="StaffAdministrationPolicy"/> says who may), each change stored
/// with its audit entry (<see cref="StaffStore.SaveAsync"/>).
/// </summary>
/// <remarks>The onboarding file is in <c>StaffAdministration.Import.cs</c>.</remarks>
public sealed partial class StaffAdministration(
    StaffStore store, StaffDirectory directory, CaseStore cases, FollowUpStore followUps, CaseTimeline timeline, TimeProvider time,
    ILogger<StaffAdministration> logger, Microsoft.Extensions.Options.IOptions<StaffOptions> options)
{
    /// <summary>The records <paramref name="actor"/> manages, filtered by office, role and whether active.</summary>
    /// <exception cref="ForbiddenException">The actor manages no staff.</exception>
    internal async Task<IReadOnlyList<StaffAccount>> ListAsync(
        StaffMember actor, string? officeCode, StaffRole? role, bool? active, CancellationToken cancellationToken)
    {
        RequireManager(actor);
        await directory.ListAsync(cancellationToken); // seeds the demo accounts when they are on
        return [.. (await store.ListAsync(cancellationToken))
            .Where(a => StaffAdministrationPolicy.CanManage(actor, a.Role, a.OfficeCode))
            .Where(a => officeCode is null || string.Equals(a.OfficeCode, officeCode.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(a => role is null || a.Role == role)
            .Where(a => active is null || a.Active == active)
            .OrderBy(a => a.OfficeCode, StringComparer.Ordinal).ThenBy(a => a.Username, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The record of <paramref name="username"/>.</summary>
    /// <exception cref="NotFoundException">No such record.</exception>
    /// <exception cref="ForbiddenException">The actor does not manage this staff member.</exception>
    internal async Task<StaffAccount> GetAsync(StaffMember actor, string username, CancellationToken cancellationToken)
    {
        RequireManager(actor);
        var account = await directory.FindAccountAsync(username, cancellationToken) ?? throw new NotFoundException($"No staff member '{username}'.");
        RequireManages(actor, account);
        return account;
    }

    /// <summary>The audited changes of <paramref name="username"/>, newest first (administrators).</summary>
    internal async Task<IReadOnlyList<StaffChange>> ChangesAsync(StaffMember actor, string username, CancellationToken cancellationToken)
    {
        if (actor.Role != StaffRole.Administrator)
        {
            throw new ForbiddenException("Only an administrator may read the staff audit.");
        }

        return await store.ChangesAsync(username, cancellationToken);
    }

    /// <summary>Adds a staff member.</summary>
    /// <exception cref="RequestValidationException">A field is wrong; nothing was stored.</exception>
    /// <exception cref="ForbiddenException">The actor may not manage a member of this role and office.</exception>
    /// <exception cref="ConflictException">The username is taken.</exception>
    internal async Task<StaffAccount> AddAsync(StaffMember actor, StaffRequest request, CancellationToken cancellationToken)
    {
        RequireManager(actor);
        var account = await CheckAsync(actor, request, null, cancellationToken);
        RequireManages(actor, account);
        if (await store.FindAsync(account.Username, cancellationToken) is not null)
        {
            throw new ConflictException($"The username '{account.Username}' is taken.");
        }

        var added = account with { ChangedBy = actor.Username, ChangedAt = time.GetUtcNow() };
        await store.SaveAsync([(null, default, added)], cancellationToken);
        logger.LogInformation("Staff record added by {Actor}: role {Role} at {OfficeCode}", actor.Username, added.Role, added.OfficeCode);
        return added;
    }

    /// <summary>
    /// Replaces the record of <paramref name="username"/> with <paramref name="request"/> (the whole record). Deactivating a
    /// mentor of open cases needs <see cref="StaffRequest.Successor"/>, who takes those cases over.
    /// </summary>
    /// <exception cref="RequestValidationException">A field is wrong, or the successor is missing or unfit; nothing was stored.</exception>
    /// <exception cref="ForbiddenException">The actor does not manage the member as they are, or as they would be.</exception>
    /// <exception cref="NotFoundException">No such record.</exception>
    /// <exception cref="ConflictException">Someone else changed the record meanwhile.</exception>
    internal async Task<StaffAccount> ReplaceAsync(StaffMember actor, string username, StaffRequest request, CancellationToken cancellationToken)
    {
        RequireManager(actor);
        await directory.ListAsync(cancellationToken);
        var (current, etag) = await store.FindAsync(username, cancellationToken) ?? throw new NotFoundException($"No staff member '{username}'.");
        RequireManages(actor, current);
        // A client that does not send the reminder channel (the staff page, an older API client) keeps the one on record.
        var account = await CheckAsync(
            actor, request with { Username = request.Username ?? current.Username, ReminderChannel = request.ReminderChannel ?? current.ReminderChannel.ToString() },
            current.Username, cancellationToken);
        RequireManages(actor, account);

        // Whenever the result is inactive, not only when this request deactivates: a retry after a crash between the
        // two writes below finds the record inactive already and must still hand the cases over.
        var mentored = !account.Active ? await OpenCasesMentoredByAsync(current.Username, cancellationToken) : [];
        var successor = mentored.Count > 0 ? await CheckSuccessorAsync(request.Successor, current, cancellationToken) : null;
        var changed = account with
        {
            Username = current.Username,
            ObjectId = current.ObjectId,
            TenantId = current.TenantId,
            ChangedBy = actor.Username,
            ChangedAt = time.GetUtcNow(),
        };
        // The cases move first: a crash after it leaves the record active with no case to hand over, and the retry saves it.
        if (successor is not null)
        {
            await MoveCasesAsync(actor, mentored, current.Username, successor, changed.ChangedAt!.Value, cancellationToken);
        }

        if (changed.Editable == current.Editable)
        {
            return current;
        }

        await store.SaveAsync([(current, etag, changed)], cancellationToken);

        logger.LogInformation("Staff record changed by {Actor}: role {Role} at {OfficeCode}, active {Active}", actor.Username, changed.Role, changed.OfficeCode, changed.Active);
        return changed;
    }

    private async Task<StaffAccount> CheckAsync(StaffMember actor, StaffRequest request, string? username, CancellationToken cancellationToken)
    {
        var (account, errors) = StaffRules.Check(request, username);
        if (account?.Supervisor is { } supervisor)
        {
            if (await directory.FindAsync(supervisor, cancellationToken) is not { } boss)
            {
                errors.Add(new FieldError("supervisor", $"Not an active staff member: '{supervisor}'."));
            }
            else
            {
                StaffRules.CheckSupervisorScope(actor, boss.Username, boss.Role, boss.OfficeCode, errors);
            }
        }

        if (account is not null)
        {
            StaffRules.CheckMailDomain(account, options.Value.MailDomain, errors);
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : account!;
    }

    private async Task<IReadOnlyList<string>> OpenCasesMentoredByAsync(string username, CancellationToken cancellationToken)
    {
        var caseIds = new List<string>();
        await foreach (var record in cases.ListOpenAsync(cancellationToken))
        {
            if (string.Equals(record.MentorUsername, username, StringComparison.OrdinalIgnoreCase))
            {
                caseIds.Add(record.CaseId);
            }
        }

        return caseIds;
    }

    private async Task<StaffMember> CheckSuccessorAsync(string? successor, StaffAccount leaving, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(successor))
        {
            throw new RequestValidationException("successor", "This staff member mentors open cases: name the mentor who takes them over.");
        }

        return await directory.FindAsync(successor.Trim(), cancellationToken) is { Role: StaffRole.BapasOfficer or StaffRole.PokmasMentor } next
            && !string.Equals(next.Username, leaving.Username, StringComparison.OrdinalIgnoreCase)
            && string.Equals(next.OfficeCode, leaving.OfficeCode, StringComparison.OrdinalIgnoreCase)
            ? next
            : throw new RequestValidationException("successor", $"The successor must be another active Bapas officer or Pokmas Lipas mentor of {leaving.OfficeCode}.");
    }

    private async Task MoveCasesAsync(
        StaffMember actor, IReadOnlyList<string> caseIds, string from, StaffMember successor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var caseId in caseIds)
        {
            var moved = await cases.UpdateAsync(caseId, record =>
            {
                if (!string.Equals(record.MentorUsername, from, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                record.MentorUsername = successor.Username;
                return true;
            }, cancellationToken);
            if (moved is null || !string.Equals(moved.MentorUsername, successor.Username, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await followUps.ReassignAsync(caseId, moved.OfficeCode, successor.Username, cancellationToken);
            await timeline.AppendAsync(caseId, at, actor.Username, TimelineAction.MentorChanged,
                TimelineDetail.MentorChanged(from, successor.Username), key: $"{nameof(TimelineAction.MentorChanged)}|{from}|{at.UtcTicks}", cancellationToken);
        }

        logger.LogInformation("{Count} open cases moved to another mentor by {Actor}", caseIds.Count, actor.Username);
    }

    private static void RequireManager(StaffMember actor)
    {
        if (!StaffAdministrationPolicy.ManagesStaff(actor))
        {
            throw new ForbiddenException("Only an administrator or a Kanwil coordinator manages staff.");
        }
    }

    private static void RequireManages(StaffMember actor, StaffAccount account)
    {
        if (!StaffAdministrationPolicy.CanManage(actor, account.Role, account.OfficeCode))
        {
            throw new ForbiddenException("You may not manage a staff member of this role or office.");
        }
    }
}
