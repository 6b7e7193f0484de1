using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Staff;

/// <summary>Staff sign-in settings (section <c>Staff</c>).</summary>
public sealed class StaffOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Staff";

    /// <summary>Seeds the demo accounts as rows of the directory (local runs and tests only: the app refuses to start with it in Azure).</summary>
    public bool DemoAccounts { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string DemoPassword { get; set; } = "pep-demo";

    /// <summary>Believes the platform's <c>X-MS-CLIENT-PRINCIPAL</c> header (only when App Service authentication is on, too).</summary>
    public bool TrustPlatformHeaders { get; set; }

    /// <summary>
    /// How long an app instance keeps the list of active staff (<see cref="StaffDirectory.ListAsync"/>) before reading the
    /// directory's partition again; two minutes by default, zero to read it every time. A change saved by this instance
    /// takes effect at once; one saved by another instance within this time.
    /// </summary>
    public TimeSpan DirectoryCacheFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The first administrators: sign-in names, comma-separated. Each gets an administrator record at their first sign-in
    /// through the platform if the directory has none for them yet.
    /// </summary>
    public string? BootstrapAdministrators { get; set; }

    /// <summary>
    /// The Entra tenant (directory) id whose accounts may sign in through the platform; a principal of any other tenant is
    /// refused. Set in Azure (<c>infra/</c>: the same tenant as the sign-in); empty locally.
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The mail domain of the ministry's staff addresses (e.g. <c>kemenkumham.go.id</c>): a contact address outside it is
    /// refused for every role but a Pokmas Lipas mentor. Set in Azure (<c>infra/</c>: the SMTP recipient domain); empty: any.
    /// </summary>
    public string? MailDomain { get; set; }

    /// <summary>The bootstrap administrators, trimmed, without empty entries.</summary>
    public IReadOnlyList<string> BootstrapNames =>
        BootstrapAdministrators?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>Who the staff are: their role, office and supervisor, read from the <c>Staff</c> table (<see cref="StaffStore"/>).</summary>
/// <remarks>
/// Sign-in says who the user is; the directory says what they may do, and is read again on every request, so a change
/// (deactivation, a move to another office) takes effect on the person's next request. Only active records count.
/// Locally and in tests the demo accounts are rows of the same table, added on first use when
/// <see cref="StaffOptions.DemoAccounts"/> is on.
/// </remarks>
public sealed class StaffDirectory(StaffStore store, IOptions<StaffOptions> options, TimeProvider time)
{
    /// <summary>Who seeds and the bootstrap are recorded as having changed a record.</summary>
    public const string System = "system";

    /// <summary>The demo accounts: one of each role, at the offices from the articles.</summary>
    public static readonly IReadOnlyList<StaffMember> Demo =
    [
        new("lapas.kupang", "Maria (Kasi Binadik, Lapas Perempuan Kupang)", StaffRole.LapasOfficer, Offices.LppKupang, "kanwil.ntt"),
        new("lapas.tangerang", "Sri (Kasi Binadik, Lapas Perempuan Tangerang)", StaffRole.LapasOfficer, Offices.LppTangerang, "kanwil.banten"),
        new("lapas.palembang", "Dewi (Kasi Binadik, Lapas Perempuan Palembang)", StaffRole.LapasOfficer, Offices.LppPalembang),
        new("lapas.kalabahi", "Yohanes (Lapas Kalabahi)", StaffRole.LapasOfficer, Offices.LpKalabahi, "kanwil.ntt"),
        new("pk.kupang", "Agustina (PK, Bapas Kupang)", StaffRole.BapasOfficer, Offices.BapasKupang, "kanwil.ntt"),
        new("mentor.kupang", "Ibu Rosa (Pokmas Lipas Kupang)", StaffRole.PokmasMentor, Offices.BapasKupang, "pk.kupang"),
        new("kanwil.ntt", "Kanwil Ditjenpas NTT", StaffRole.KanwilCoordinator, Offices.KanwilNtt),
        new("kanwil.banten", "Kanwil Ditjenpas Banten", StaffRole.KanwilCoordinator, Offices.KanwilBanten),
        new("kurator", "Kurator produk unggulan, Ditjenpas", StaffRole.NationalCurator, Offices.Ditjenpas),
        new("admin", "Administrator", StaffRole.Administrator, Offices.Ditjenpas),
    ];

    /// <summary>The demo account <paramref name="username"/> (any case) as seeded, or null: for tests that act as one without reading the table.</summary>
    public static StaffMember? FindDemo(string username) =>
        Demo.FirstOrDefault(m => string.Equals(m.Username, username, StringComparison.OrdinalIgnoreCase));

    private readonly SemaphoreSlim _seeding = new(1, 1);
    private bool _seeded;

    /// <summary>The active staff member with this username (any case), or null.</summary>
    public async Task<StaffMember?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await SeedDemoAccountsAsync(cancellationToken);
        return await store.FindAsync(username, cancellationToken) is { Account.Active: true } found ? found.Account.ToMember() : null;
    }

    /// <summary>The record of <paramref name="username"/> (any case, active or not), or null.</summary>
    public async Task<StaffAccount?> FindAccountAsync(string username, CancellationToken cancellationToken)
    {
        await SeedDemoAccountsAsync(cancellationToken);
        return (await store.FindAsync(username, cancellationToken))?.Account;
    }

    /// <summary>Every active staff member.</summary>
    /// <remarks>
    /// Read from this instance's copy while it is younger than <see cref="StaffOptions.DirectoryCacheFor"/> and no staff
    /// record was saved in this process since (<see cref="StaffStore.Saves"/>): the directory's one partition holds every
    /// member of staff in the country, and case pages, releases, transfers and notifications all ask for it, so reading it
    /// per request would make it the hottest partition of the account. Sign-in and access checks never use this copy:
    /// they read the member's own row (<see cref="FindAsync"/>), so a deactivation takes effect at the next request.
    /// </remarks>
    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken)
    {
        await SeedDemoAccountsAsync(cancellationToken);
        var saves = StaffStore.Saves;
        var now = time.GetUtcNow();
        if (_list is { } kept && kept.Saves == saves && now - kept.ReadAt < options.Value.DirectoryCacheFor)
        {
            return kept.Members;
        }

        IReadOnlyList<StaffMember> members = [.. (await store.ListAsync(cancellationToken)).Where(a => a.Active).Select(a => a.ToMember())];
        _list = new KeptList(members, saves, now);
        return members;
    }

    private KeptList? _list;

    /// <summary>The active staff as read at <paramref name="ReadAt"/>, when <paramref name="Saves"/> saves had been made in this process.</summary>
    private sealed record KeptList(IReadOnlyList<StaffMember> Members, long Saves, DateTimeOffset ReadAt);

    /// <summary>
    /// The mentor a case at <paramref name="bapasCode"/> gets when nobody is named: among <paramref name="staff"/>, the
    /// first Bapas officer (a PK) by username, else the first Pokmas Lipas mentor; null when the office has neither.
    /// </summary>
    public static string? DefaultMentor(IEnumerable<StaffMember> staff, string bapasCode) =>
        staff.Where(s => s.Role is StaffRole.BapasOfficer or StaffRole.PokmasMentor && string.Equals(s.OfficeCode, bapasCode, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Role).ThenBy(s => s.Username, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault()?.Username;

    /// <summary>Checks a demo sign-in (in constant time); false for anything else, and always when demo accounts are off.</summary>
    public bool CheckDemoPassword(string username, string password)
    {
        var demo = options.Value.DemoAccounts && Demo.Any(m => string.Equals(m.Username, username, StringComparison.OrdinalIgnoreCase));
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(options.Value.DemoPassword));
        return demo && matches;
    }

    /// <summary>
    /// The active staff member signed in by the platform as <paramref name="username"/> with the Entra object id
    /// <paramref name="objectId"/> of <paramref name="tenantId"/>, or null when the directory does not know them.
    /// </summary>
    /// <remarks>
    /// A bound object id decides (so a renamed account is still the same person). Otherwise the sign-in name finds the
    /// record, which must not be bound to another object id, and the object id is bound to it now. A bootstrap
    /// administrator without a record gets one first.
    /// </remarks>
    public async Task<StaffMember?> SignInPlatformAsync(string? username, string? objectId, string? tenantId, CancellationToken cancellationToken)
    {
        await SeedDemoAccountsAsync(cancellationToken);
        if (options.Value.TenantId is { Length: > 0 } tenant && !string.Equals(tenant, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (objectId is not null && await store.FindBoundAsync(objectId, cancellationToken) is { } bound)
        {
            if (await store.FindAsync(bound, cancellationToken) is not { Account: { Active: true } account, ETag: var boundETag })
            {
                return null;
            }

            if (account.ObjectId is null)
            {
                // A bind that stopped between its index row and the record (a cancelled request): complete it now.
                return await CompleteBindAsync(account, boundETag, objectId, tenantId);
            }

            return account.ObjectId == objectId && (account.TenantId is null || account.TenantId == tenantId) ? account.ToMember() : null;
        }

        if (string.IsNullOrWhiteSpace(username) || !StaffRules.IsUsername(username))
        {
            return null;
        }

        var found = await store.FindAsync(username, cancellationToken) ?? await BootstrapAsync(username, cancellationToken);
        if (found is not { Account: { Active: true } record, ETag: var etag })
        {
            return null;
        }

        if (record.ObjectId is not null || objectId is null)
        {
            // Bound to another object id (someone else now carries the name), or a principal without one: only an unbound record matches by name.
            return record.ObjectId is null ? record.ToMember() : null;
        }

        if (!await store.BindAsync(objectId, record.Username, cancellationToken))
        {
            return null;
        }

        return await CompleteBindAsync(record, etag, objectId, tenantId);
    }

    /// <summary>
    /// Clears the Entra binding of <paramref name="username"/>'s record (and its index row), as <paramref name="actor"/>, an
    /// administrator: the next platform sign-in with that name binds again (a reassigned sign-in name, a new account). Audited
    /// like every change of the record.
    /// </summary>
    /// <exception cref="ForbiddenException">The actor is not an administrator.</exception>
    /// <exception cref="NotFoundException">No such record.</exception>
    public async Task<StaffAccount> UnbindAsync(StaffMember actor, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != StaffRole.Administrator)
        {
            throw new ForbiddenException("Only an administrator may undo a sign-in binding.");
        }

        if (await store.FindAsync(username, cancellationToken) is not { Account: var record, ETag: var etag })
        {
            throw new NotFoundException($"Staff member '{username}' was not found.");
        }

        if (record.ObjectId is not { } objectId)
        {
            return record;
        }

        // The record first (audited), then the index row: a stop in between leaves an index row that no record matches,
        // which the next sign-in of that account completes only if the record is unbound — the administrator's intent.
        var unbound = record with { ObjectId = null, TenantId = null, ChangedBy = actor.Username, ChangedAt = time.GetUtcNow() };
        await store.SaveAsync([(record, etag, unbound)], cancellationToken);
        await store.UnbindAsync(objectId, CancellationToken.None);
        return unbound;
    }

    /// <summary>Saves the binding on the record after its index row; not cancelled by the request, so a bind is never left half-done.</summary>
    private async Task<StaffMember?> CompleteBindAsync(StaffAccount record, Azure.ETag etag, string objectId, string? tenantId)
    {
        var boundRecord = record with { ObjectId = objectId, TenantId = tenantId, ChangedBy = record.Username, ChangedAt = time.GetUtcNow() };
        try
        {
            await store.SaveAsync([(record, etag, boundRecord)], CancellationToken.None);
        }
        catch (ConflictException)
        {
            // Changed meanwhile (the same sign-in racing, or an administrator): read again and decide on what is there now.
            return await store.FindAsync(record.Username, CancellationToken.None) is { Account: { Active: true } now } && now.ObjectId == objectId
                ? now.ToMember() : null;
        }

        return boundRecord.ToMember();
    }

    private async Task<(StaffAccount Account, Azure.ETag ETag)?> BootstrapAsync(string username, CancellationToken cancellationToken)
    {
        if (!options.Value.BootstrapNames.Contains(username.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        // Bootstrap is for an empty directory: once an active administrator exists, they add everyone else (a listed name that
        // is reissued later gets nothing from the list).
        if ((await store.ListAsync(cancellationToken)).Any(a => a.Active && a.Role == StaffRole.Administrator))
        {
            return null;
        }

        // An Entra sign-in name is usually the person's address too; the administrator corrects it on their record if not.
        var email = global::System.Net.Mail.MailAddress.TryCreate(username.Trim(), out var address) ? address.Address : null;
        var administrator = new StaffAccount(username.Trim(), username.Trim(), StaffRole.Administrator, Offices.Ditjenpas, null, email, null, true)
        {
            ChangedBy = System,
            ChangedAt = time.GetUtcNow(),
        };
        await IgnoringConflictAsync(() => store.SaveAsync([(null, default, administrator)], cancellationToken));
        return await store.FindAsync(username, cancellationToken);
    }

    /// <summary>Adds the demo accounts that are not in the table yet, once per process, when they are switched on.</summary>
    private async Task SeedDemoAccountsAsync(CancellationToken cancellationToken)
    {
        if (_seeded || !options.Value.DemoAccounts)
        {
            return;
        }

        await _seeding.WaitAsync(cancellationToken);
        try
        {
            if (_seeded)
            {
                return;
            }

            var existing = (await store.ListAsync(cancellationToken)).Select(a => StaffStore.KeyOf(a.Username)).ToHashSet(StringComparer.Ordinal);
            var now = time.GetUtcNow();
            var missing = Demo.Where(m => !existing.Contains(StaffStore.KeyOf(m.Username)))
                .Select(m => (default(StaffAccount), default(Azure.ETag),
                    new StaffAccount(m.Username, m.DisplayName, m.Role, m.OfficeCode, m.SupervisorUsername, $"{m.Username}@pep.example", null, true)
                    {
                        ChangedBy = System,
                        ChangedAt = now,
                    }))
                .ToList();
            if (missing.Count > 0)
            {
                // One transaction: another process seeding at the same moment makes this one a conflict, and its rows are the same.
                await IgnoringConflictAsync(() => store.SaveAsync(missing, cancellationToken));
            }

            _seeded = true;
        }
        finally
        {
            _seeding.Release();
        }
    }

    private static async Task IgnoringConflictAsync(Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (ConflictException)
        {
            // Added meanwhile by another request or process.
        }
    }
}
