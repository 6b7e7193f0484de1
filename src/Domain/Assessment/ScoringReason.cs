using System.Globalization;

namespace PepFunctions.Domain;

/// <summary>One contribution to a track's score: what it was and how many points it gave or took.</summary>
/// <param name="Kind">What made the difference.</param>
/// <param name="Points">The points added (positive) or taken away (negative), as weighed when the assessment was scored.</param>
/// <param name="Track">The track scored.</param>
/// <param name="Business">The preferred business, for <see cref="ScoringReasonKind.BusinessFit"/>; <see langword="null"/> otherwise.</param>
/// <remarks>
/// Structured so each page can say it in its own language (<see cref="Describe"/>), and so a stored assessment keeps
/// its reasons when the wording changes. A reason never holds the health or family constraint's text.
/// </remarks>
public sealed record ScoringReason(ScoringReasonKind Kind, int Points, TrainingTrack Track, BusinessType? Business = null)
{
    private const string NeedsReadingText = "needs reading and bookkeeping (labels, licences, cash book); cannot yet read or write";

    private const string PhysicallyDemandingText = "physically demanding work; a health constraint is recorded";

    /// <summary>The reason in Bahasa Indonesia (<paramref name="indonesian"/>) or English, with the track named in that language.</summary>
    /// <example><c>+40 berminat pada Olahan pangan</c>; <c>+40 stated interest in Food processing</c>.</example>
    public string Describe(bool indonesian)
    {
        var track = indonesian ? Track.IndonesianName() : Track.EnglishName();
        var text = (Kind, indonesian) switch
        {
            (ScoringReasonKind.Interest, true) => $"berminat pada {track}",
            (ScoringReasonKind.Interest, false) => $"stated interest in {track}",
            (ScoringReasonKind.PriorSkill, true) => $"sudah punya keterampilan {track}",
            (ScoringReasonKind.PriorSkill, false) => $"prior skill in {track}",
            (ScoringReasonKind.BusinessFit, true) => "cocok dengan usaha yang diinginkan",
            (ScoringReasonKind.BusinessFit, false) => "fits the preferred business",
            (ScoringReasonKind.NeedsReading, true) => "perlu baca tulis dan pembukuan (label, izin, buku kas); belum bisa baca tulis",
            (ScoringReasonKind.NeedsReading, false) => NeedsReadingText,
            (ScoringReasonKind.PhysicallyDemanding, true) => "pekerjaan fisik berat; ada kendala kesehatan yang dicatat",
            (ScoringReasonKind.PhysicallyDemanding, false) => PhysicallyDemandingText,
            _ => throw new InvalidOperationException($"No wording for the scoring reason {Kind}."),
        };
        return WithPoints(text);
    }

    /// <summary>The reason as one English line, e.g. <c>+40 stated interest in Olahan pangan</c> or <c>+20 fits the preferred business (Food)</c>.</summary>
    /// <remarks>The wording the scoring has always used: tracks by the name staff use, the business by its value's name.</remarks>
    public override string ToString() => WithPoints(Kind switch
    {
        ScoringReasonKind.Interest => $"stated interest in {Track.IndonesianName()}",
        ScoringReasonKind.PriorSkill => $"prior skill in {Track.IndonesianName()}",
        ScoringReasonKind.BusinessFit => $"fits the preferred business ({Business})",
        ScoringReasonKind.NeedsReading => NeedsReadingText,
        ScoringReasonKind.PhysicallyDemanding => PhysicallyDemandingText,
        _ => Kind.ToString(),
    });

    private string WithPoints(string text) => string.Create(CultureInfo.InvariantCulture, $"{Points:+0;-0} {text}");
}
