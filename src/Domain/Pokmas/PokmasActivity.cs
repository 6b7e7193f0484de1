namespace PepFunctions.Domain;

/// <summary>One activity a Pokmas Lipas held, and who took part.</summary>
/// <param name="Date">The day it was held, in the office's calendar.</param>
/// <param name="Kind">What it was.</param>
/// <param name="Place">Where (a village hall, the Lapas's workshop).</param>
/// <param name="Participants">The case ids of the people in the programme who took part: cases of the group's office.</param>
/// <param name="OtherAttendees">How many others were reached (family, neighbours): counted, not named.</param>
public sealed record PokmasActivity(DateOnly Date, PokmasActivityKind Kind, string Place, IReadOnlyList<string> Participants, int OtherAttendees)
{
    /// <summary>The longest place.</summary>
    public const int MaxPlaceLength = 200;

    /// <summary>The most participants one activity records.</summary>
    public const int MaxParticipants = 300;

    /// <summary>The people reached: the participants and the others.</summary>
    public int Reached => (Participants?.Count ?? 0) + OtherAttendees;

    /// <summary>What is wrong with the activity; empty when it is valid. <paramref name="today"/> is the office's day.</summary>
    public IReadOnlyList<FieldError> Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        if (Date > today)
        {
            errors.Add(new(nameof(Date), "An activity is recorded once it has been held: the date cannot be in the future."));
        }

        if (!Enum.IsDefined(Kind))
        {
            errors.Add(new(nameof(Kind), "Choose what kind of activity it was."));
        }

        if (string.IsNullOrWhiteSpace(Place) || Place.Trim().Length > MaxPlaceLength)
        {
            errors.Add(new(nameof(Place), $"Give the place (at most {MaxPlaceLength} characters)."));
        }

        if (OtherAttendees < 0)
        {
            errors.Add(new(nameof(OtherAttendees), "Cannot be negative."));
        }

        if (Participants is null || Participants.Count > MaxParticipants)
        {
            errors.Add(new(nameof(Participants), $"At most {MaxParticipants} participants."));
        }
        else if (Participants.Distinct(StringComparer.Ordinal).Count() != Participants.Count)
        {
            errors.Add(new(nameof(Participants), "A participant is listed twice."));
        }
        else if (Reached == 0)
        {
            errors.Add(new(nameof(Participants), "Nobody took part: list the participants or count the others reached."));
        }

        return errors;
    }
}
