using System.Globalization;

namespace PepFunctions.Domain;

/// <summary>Keeps training batches within their capacity.</summary>
public static class EnrolmentRule
{
    /// <summary>Whether one more participant fits, with a message for staff in Indonesian and English.</summary>
    /// <param name="enrolledCount">Participants already in the batch.</param>
    /// <param name="capacity">The batch's <see cref="TrainingBatch.Capacity"/>.</param>
    public static EnrolmentDecision CanEnrol(int enrolledCount, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(enrolledCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);

        if (enrolledCount >= capacity)
        {
            return new EnrolmentDecision(false, string.Create(CultureInfo.InvariantCulture,
                $"Kelas pelatihan sudah penuh ({enrolledCount} dari {capacity} peserta). The training batch is full ({enrolledCount} of {capacity} participants)."));
        }

        var left = capacity - enrolledCount;
        return new EnrolmentDecision(true, string.Create(CultureInfo.InvariantCulture,
            $"Masih ada {left} dari {capacity} tempat. {left} of {capacity} places left."));
    }

    /// <summary>Whether one more participant fits in <paramref name="batch"/>.</summary>
    public static EnrolmentDecision CanEnrol(TrainingBatch batch, int enrolledCount)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return CanEnrol(enrolledCount, batch.Capacity);
    }
}
