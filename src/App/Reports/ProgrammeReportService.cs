using System.Globalization;
using PepFunctions.App.Http;
using PepFunctions.App.Pokmas;
using PepFunctions.Domain;

namespace PepFunctions.App.Reports;

/// <summary>
/// The programme report: the facts of a scope's offices over whole months, added up. A scope is an office code, a
/// province (its Kanwil's code or its name) or <see cref="National"/>; who may see which follows the access table.
/// </summary>
public sealed class ProgrammeReportService(ProgrammeLedger ledger, PokmasService pokmas)
{
    /// <summary>The scope of the whole programme.</summary>
    public const string National = "NATIONAL";

    /// <summary>The longest period one report covers.</summary>
    public const int MaxMonths = 36;

    /// <summary>The report of <paramref name="scope"/> from month <paramref name="from"/> to <paramref name="to"/> (<c>yyyy-MM</c>, both included).</summary>
    /// <exception cref="RequestValidationException">A bad scope or month, naming each.</exception>
    /// <exception cref="ForbiddenException">The staff member may not see this scope.</exception>
    public async Task<ProgrammeReport> ReportAsync(StaffMember staff, string? scope, string? from, string? to, CancellationToken cancellationToken)
    {
        var (scopeCode, scopeName, offices, errors) = ResolveScope(scope);
        var months = Months(from, to, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (!MaySee(staff, scopeCode, offices))
        {
            throw new ForbiddenException("This scope's report is not yours to see: an office sees its own, a Kanwil its province, Ditjenpas and curators the nation.");
        }

        var reads = offices.SelectMany(office => months.Select(month => ledger.ReadAsync(office, month, cancellationToken)));
        var facts = (await Task.WhenAll(reads)).SelectMany(f => f).ToList();
        var members = await pokmas.MemberCountsAsync(offices, cancellationToken);
        return ProgrammeTotals.Add(scopeCode, scopeName, months[0], months[^1], offices, months, facts, members);
    }

    /// <summary>The UPTs of a scope, with its canonical code and name; errors name the <c>scope</c> field.</summary>
    private static (string Code, string Name, IReadOnlyList<string> Offices, List<FieldError> Errors) ResolveScope(string? scope)
    {
        var upts = Offices.Seed.Where(o => o.Kind is OfficeKind.Lapas or OfficeKind.Rutan or OfficeKind.Bapas).ToList();
        var errors = new List<FieldError>();
        var text = scope?.Trim() ?? "";
        if (string.Equals(text, National, StringComparison.OrdinalIgnoreCase))
        {
            return (National, "Nasional", [.. upts.Select(o => o.Code)], errors);
        }

        var office = Offices.Find(text);
        if (office is { Kind: OfficeKind.Kanwil } || (office is null && upts.Any(o => string.Equals(o.Province, text, StringComparison.OrdinalIgnoreCase))))
        {
            var province = office?.Province ?? upts.First(o => string.Equals(o.Province, text, StringComparison.OrdinalIgnoreCase)).Province;
            var kanwil = Offices.Seed.FirstOrDefault(o => o.Kind == OfficeKind.Kanwil && o.Province == province);
            return (kanwil?.Code ?? province, province, [.. upts.Where(o => o.Province == province).Select(o => o.Code)], errors);
        }

        if (office is { Kind: OfficeKind.Lapas or OfficeKind.Rutan or OfficeKind.Bapas })
        {
            return (office.Code, office.Name, [office.Code], errors);
        }

        errors.Add(new("scope", $"Give an office code (e.g. {Domain.Offices.LppKupang}), a province's Kanwil code (e.g. {Domain.Offices.KanwilNtt}) or {National}."));
        return ("", "", [], errors);
    }

    private static List<string> Months(string? from, string? to, List<FieldError> errors)
    {
        static DateOnly? Parse(string? month) =>
            DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

        var first = Parse(from);
        var last = Parse(to);
        if (first is null)
        {
            errors.Add(new("from", "Give the first month as yyyy-MM."));
        }

        if (last is null)
        {
            errors.Add(new("to", "Give the last month as yyyy-MM."));
        }

        if (first is not { } start || last is not { } end)
        {
            return [];
        }

        var count = ((end.Year - start.Year) * 12) + end.Month - start.Month + 1;
        if (count < 1 || count > MaxMonths)
        {
            errors.Add(new("to", $"The last month comes on or after the first, at most {MaxMonths} months later."));
            return [];
        }

        return [.. Enumerable.Range(0, count).Select(i => start.AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture))];
    }

    private static bool MaySee(StaffMember staff, string scopeCode, IReadOnlyList<string> offices) => staff.Role switch
    {
        StaffRole.Administrator or StaffRole.NationalCurator => true,
        _ when string.Equals(staff.OfficeCode, Domain.Offices.Ditjenpas, StringComparison.OrdinalIgnoreCase) => true,
        _ when scopeCode == National => false,
        StaffRole.KanwilCoordinator => offices.All(o => AccessPolicy.CanView(staff, o)),
        _ => offices.Count == 1 && string.Equals(staff.OfficeCode, offices[0], StringComparison.OrdinalIgnoreCase),
    };
}
