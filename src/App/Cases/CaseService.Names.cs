using PepFunctions.App.Privacy;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>Who a person is, as staff who may see them are shown them in lists, queues and notifications.</summary>
/// <param name="FullName">The person's name (personal data: pages only, never ids, logs or messages that leave the system).</param>
/// <param name="RegistrationNumber">The Lapas registration number.</param>
public sealed record CaseName(string FullName, string RegistrationNumber);

public sealed partial class CaseService
{
    /// <summary>The most case ids one call names: a page's queue or a page of notifications.</summary>
    private const int MaxNamed = 200;

    /// <summary>
    /// The names and registration numbers of the cases in <paramref name="caseIds"/> the staff member may see (their
    /// office's, a mentor's own mentees who consented to mentors): one point read of <c>Cases</c> per case, at most
    /// <see cref="MaxNamed"/>. Cases the staff member may not see, erased people and unknown ids are left out, so a
    /// page shows the opaque id for them (or nothing).
    /// </summary>
    /// <remarks>The read is audited as a list read (<see cref="PersonalDataRead.CaseList"/>) with the count of names given.</remarks>
    public async Task<IReadOnlyDictionary<string, CaseName>> NamesAsync(
        StaffMember staff, IEnumerable<string> caseIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(caseIds);
        var ids = caseIds.Where(id => CaseIdPattern().IsMatch(id)).Distinct(StringComparer.Ordinal).Take(MaxNamed).ToList();
        var records = await Task.WhenAll(ids.Select(id => cases.FindAsync(id, cancellationToken)));
        var names = new Dictionary<string, CaseName>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record is { ErasedAt: null } && AccessPolicy.CanViewCase(staff, record.OfficeCode, record.MentorUsername)
                && (staff.Role != StaffRole.PokmasMentor || CaseConsents.Covers(record.ConsentJson, ConsentPurpose.ShareWithMentors)))
            {
                names[record.CaseId] = new CaseName(record.FullName, record.RegistrationNumber);
            }
        }

        if (names.Count > 0)
        {
            await reads.ListReadAsync(staff.Username, PersonalDataRead.CaseList, "names", names.Count, cancellationToken);
        }

        return names;
    }
}
