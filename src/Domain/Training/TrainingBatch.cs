namespace PepFunctions.Domain;

/// <summary>A cohort trained together on one track at one office (the seeds: about 30 participants per topic).</summary>
/// <param name="BatchId">Unique id of the batch, e.g. <c>LPP-TANGERANG-2023-07-BATIK</c>.</param>
/// <param name="Track">What is taught.</param>
/// <param name="OfficeCode">The Lapas or Rutan where the training runs.</param>
/// <param name="Partner">Who trains, e.g. a <see cref="TrainingPartners"/> name or a named Pokmas Lipas group.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day; on or after <paramref name="StartDate"/>.</param>
/// <param name="Sessions">How many sessions attendance is counted over.</param>
/// <param name="Capacity">Most participants; <see cref="DefaultCapacity"/> unless set.</param>
public sealed record TrainingBatch(
    string BatchId,
    TrainingTrack Track,
    string OfficeCode,
    string Partner,
    DateOnly StartDate,
    DateOnly EndDate,
    int Sessions,
    int Capacity = TrainingBatch.DefaultCapacity)
{
    /// <summary>The usual cohort size: 30 participants.</summary>
    public const int DefaultCapacity = 30;

    /// <summary>The largest batch: twice the usual cohort.</summary>
    public const int MaxCapacity = 60;

    /// <summary>The most sessions a batch counts attendance over (a daily programme of several months).</summary>
    public const int MaxSessions = 200;

    /// <summary>The longest partner name.</summary>
    public const int MaxPartnerLength = 120;

    /// <summary>What is wrong with the batch, field by field; empty when it is valid.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(BatchId))
        {
            errors.Add(new(nameof(BatchId), "A batch id is required."));
        }

        if (Offices.Find(OfficeCode) is not { Kind: OfficeKind.Lapas or OfficeKind.Rutan })
        {
            errors.Add(new(nameof(OfficeCode), $"'{OfficeCode}' is not a known Lapas or Rutan."));
        }

        if (string.IsNullOrWhiteSpace(Partner))
        {
            errors.Add(new(nameof(Partner), "A training partner is required."));
        }
        else if (Partner.Length > MaxPartnerLength)
        {
            errors.Add(new(nameof(Partner), $"The partner's name must be at most {MaxPartnerLength} characters."));
        }

        if (!Enum.IsDefined(Track))
        {
            errors.Add(new(nameof(Track), "Choose one of the training tracks."));
        }

        if (EndDate < StartDate)
        {
            errors.Add(new(nameof(EndDate), "The end date must be on or after the start date."));
        }

        if (Sessions is < 1 or > MaxSessions)
        {
            errors.Add(new(nameof(Sessions), $"A batch has from 1 to {MaxSessions} sessions."));
        }

        if (Capacity is < 1 or > MaxCapacity)
        {
            errors.Add(new(nameof(Capacity), $"A batch takes from 1 to {MaxCapacity} participants."));
        }

        return errors;
    }
}
