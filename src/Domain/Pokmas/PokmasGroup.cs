namespace PepFunctions.Domain;

/// <summary>
/// A Pokmas Lipas (<i>kelompok masyarakat peduli pemasyarakatan</i>, a community group that supports people in and after
/// prison) working with one Lapas, Rutan or Bapas.
/// </summary>
/// <param name="Name">The group's name, e.g. <c>Pokmas Lipas Sejahtera Kupang</c>.</param>
/// <param name="OfficeCode">The UPT it works with; its activities involve that office's cases.</param>
/// <param name="Members">Its members: mentors with a staff account, and plain members by name.</param>
public sealed record PokmasGroup(string Name, string OfficeCode, IReadOnlyList<PokmasMember> Members)
{
    /// <summary>The longest group name.</summary>
    public const int MaxNameLength = 120;

    /// <summary>The most members a group lists.</summary>
    public const int MaxMembers = 200;

    /// <summary>What is wrong with the group; empty when it is valid. Whether a mentor's account exists is the app's to check.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new(nameof(Name), $"Give the group's name (at most {MaxNameLength} characters)."));
        }

        if (Offices.Find(OfficeCode) is not { Kind: OfficeKind.Lapas or OfficeKind.Rutan or OfficeKind.Bapas })
        {
            errors.Add(new(nameof(OfficeCode), "A Pokmas Lipas works with a Lapas, Rutan or Bapas: give its office code."));
        }

        if (Members is null || Members.Count is 0 or > MaxMembers)
        {
            errors.Add(new(nameof(Members), $"List the group's members (1 to {MaxMembers})."));
            return errors;
        }

        for (var i = 0; i < Members.Count; i++)
        {
            errors.AddRange(Members[i].Validate($"{nameof(Members)}[{i}]"));
        }

        var usernames = Members.Where(m => m.Username is not null).Select(m => m.Username!.Trim());
        if (usernames.GroupBy(u => u, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            errors.Add(new(nameof(Members), "A mentor is listed twice."));
        }

        return errors;
    }
}

/// <summary>A member of a Pokmas Lipas: a mentor with a staff account (<paramref name="Username"/>), or a plain member by name.</summary>
/// <param name="Username">The mentor's sign-in name; null for a plain member.</param>
/// <param name="Name">A plain member's name; null for a mentor (the directory has their name).</param>
public sealed record PokmasMember(string? Username, string? Name)
{
    /// <summary>The longest plain member's name.</summary>
    public const int MaxNameLength = 120;

    /// <summary>Whether the member has a staff account.</summary>
    [JsonIgnore]
    public bool IsMentor => Username is not null;

    /// <summary>What is wrong with the member, with fields under <paramref name="prefix"/>.</summary>
    public IEnumerable<FieldError> Validate(string prefix)
    {
        var hasUsername = !string.IsNullOrWhiteSpace(Username);
        var hasName = !string.IsNullOrWhiteSpace(Name);
        if (hasUsername == hasName)
        {
            yield return new(prefix, "Give either a mentor's username or a plain member's name.");
        }
        else if (hasName && Name!.Trim().Length > MaxNameLength)
        {
            yield return new($"{prefix}.{nameof(Name)}", $"At most {MaxNameLength} characters.");
        }
    }
}
