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

        if (EndDate < StartDate)
        {
            errors.Add(new(nameof(EndDate), "The end date must be on or after the start date."));
        }

        if (Sessions < 1)
        {
            errors.Add(new(nameof(Sessions), "A batch has at least one session."));
        }

        if (Capacity < 1)
        {
            errors.Add(new(nameof(Capacity), "Capacity must be at least one participant."));
        }

        return errors;
    }
}
