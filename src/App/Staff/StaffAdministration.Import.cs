using System.Text;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Staff;

public sealed partial class StaffAdministration
{
    /// <summary>The onboarding file's columns, in order, as its first line names them.</summary>
    public static readonly string[] ImportColumns = ["username", "displayName", "role", "officeCode", "supervisor", "email", "phone"];

    /// <summary>
    /// Onboards an office from a CSV file (a header line of <see cref="ImportColumns"/>, then one staff member a line, all
    /// active): every row is checked first, and either all are stored (one transaction) or none.
    /// </summary>
    /// <returns>The records added.</returns>
    /// <exception cref="RequestValidationException">
    /// Something is wrong: each error names its line and field (<c>row 3: email</c>); nothing was stored.
    /// </exception>
    /// <exception cref="ForbiddenException">The actor manages no staff.</exception>
    /// <exception cref="ConflictException">A record was added meanwhile; nothing was stored.</exception>
    internal async Task<IReadOnlyList<StaffAccount>> ImportAsync(StaffMember actor, string csv, CancellationToken cancellationToken)
    {
        RequireManager(actor);
        await directory.ListAsync(cancellationToken);
        var lines = ParseCsv(csv);
        var errors = new List<FieldError>();
        if (lines.Count == 0 || !lines[0].Select(c => c.Trim()).SequenceEqual(ImportColumns, StringComparer.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("file", $"The first line names the columns: {string.Join(",", ImportColumns)}.");
        }

        var rows = lines.Skip(1).Select((cells, index) => (Line: index + 2, Cells: cells)).Where(r => r.Cells.Any(c => c.Length > 0)).ToList();
        if (rows.Count is 0 or > StaffStore.MaxPerTransaction)
        {
            throw new RequestValidationException("file", $"The file holds 1 to {StaffStore.MaxPerTransaction} staff members; split a larger office into several files.");
        }

        var existing = (await store.ListAsync(cancellationToken)).ToDictionary(a => StaffStore.KeyOf(a.Username), StringComparer.Ordinal);
        var inFile = rows.Select(r => r.Cells.ElementAtOrDefault(0)?.Trim() ?? "").Where(u => u.Length > 0)
            .Select(StaffStore.KeyOf).ToList();
        var accounts = new List<StaffAccount>();
        foreach (var (line, cells) in rows)
        {
            var rowErrors = new List<FieldError>();
            if (cells.Count != ImportColumns.Length)
            {
                rowErrors.Add(new FieldError("file", $"The line has {cells.Count} columns; it needs {ImportColumns.Length}."));
            }
            else
            {
                var request = new StaffRequest(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], true);
                var (account, found) = StaffRules.Check(request, null);
                rowErrors.AddRange(found);
                if (account is not null)
                {
                    CheckImportRow(actor, account, existing, inFile, options.Value.MailDomain, rowErrors);
                    accounts.Add(account);
                }
            }

            errors.AddRange(rowErrors.Select(e => new FieldError($"row {line}: {e.Field}", e.Message)));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var now = time.GetUtcNow();
        var added = accounts.Select(a => a with { ChangedBy = actor.Username, ChangedAt = now }).ToList();
        await store.SaveAsync([.. added.Select(a => (default(StaffAccount), default(Azure.ETag), a))], cancellationToken);
        logger.LogInformation("{Count} staff records imported by {Actor}", added.Count, actor.Username);
        return added;
    }

    private static void CheckImportRow(
        StaffMember actor, StaffAccount account, Dictionary<string, StaffAccount> existing, List<string> inFile, string? mailDomain, List<FieldError> errors)
    {
        var key = StaffStore.KeyOf(account.Username);
        if (existing.ContainsKey(key))
        {
            errors.Add(new FieldError("username", $"The username '{account.Username}' is taken."));
        }
        else if (inFile.Count(k => k == key) > 1)
        {
            errors.Add(new FieldError("username", $"The username '{account.Username}' is in the file more than once."));
        }

        if (account.Supervisor is { } supervisor && !inFile.Contains(StaffStore.KeyOf(supervisor)))
        {
            if (!(existing.TryGetValue(StaffStore.KeyOf(supervisor), out var boss) && boss.Active))
            {
                errors.Add(new FieldError("supervisor", $"Neither an active staff member nor in the file: '{supervisor}'."));
            }
            else
            {
                StaffRules.CheckSupervisorScope(actor, boss.Username, boss.Role, boss.OfficeCode, errors);
            }
        }

        StaffRules.CheckMailDomain(account, mailDomain, errors);

        if (!StaffAdministrationPolicy.CanManage(actor, account.Role, account.OfficeCode))
        {
            errors.Add(new FieldError("role", "You may not add a staff member of this role at this office."));
        }
    }

    /// <summary>The cells of each line of <paramref name="csv"/> (RFC 4180: commas, double quotes, "" inside quotes).</summary>
    internal static List<List<string>> ParseCsv(string csv)
    {
        var lines = new List<List<string>>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                lines.Add(cells);
                cells = [];
            }
            else if (c != '\uFEFF' || i != 0)
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            lines.Add(cells);
        }

        return lines;
    }
}
