using Microsoft.Extensions.Options;
using PepFunctions.Domain;

namespace PepFunctions.App.Staff;

/// <summary>Staff sign-in settings (section <c>Staff</c>).</summary>
public sealed class StaffOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Staff";

    /// <summary>Seeds the demo accounts (local runs and tests only; never in Azure, where sign-in is Entra ID).</summary>
    public bool DemoAccounts { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string DemoPassword { get; set; } = "pep-demo";
}

/// <summary>Who the staff are: their role, office and supervisor.</summary>
/// <remarks>
/// Locally the directory holds the demo accounts. In Azure the platform's sign-in (App Service
/// authentication with Entra ID) says who the user is, and the directory says what they may do;
/// <see cref="PlatformSignIn"/> maps the one to the other.
/// </remarks>
public sealed class StaffDirectory(IOptions<StaffOptions> options)
{
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

    private readonly Dictionary<string, StaffMember> _members =
        (options.Value.DemoAccounts ? Demo : []).ToDictionary(m => m.Username, StringComparer.OrdinalIgnoreCase);

    /// <summary>The staff member with this username (any case), or null.</summary>
    public StaffMember? Find(string username) => _members.GetValueOrDefault(username);

    /// <summary>Every staff member in the directory.</summary>
    public IEnumerable<StaffMember> All => _members.Values;

    /// <summary>Checks a demo sign-in; false for anything else.</summary>
    public bool CheckDemoPassword(string username, string password) =>
        options.Value.DemoAccounts && _members.ContainsKey(username) && password == options.Value.DemoPassword;
}
