namespace PepFunctions.Durable;

/// <summary>A message that kept failing and was set aside, with the reason.</summary>
/// <param name="PartitionKey">The instance it was for (or "(unreadable)").</param>
/// <param name="Id">The dead letter's id.</param>
/// <param name="Source">"queue" or "timer".</param>
/// <param name="Reason">The last error.</param>
/// <param name="Attempts">How often it was tried.</param>
/// <param name="DeadLetteredAt">When it was set aside.</param>
public sealed record DeadLetter(string PartitionKey, string Id, string Source, string Reason, int Attempts, DateTimeOffset DeadLetteredAt)
{
    /// <summary>The instance the message was for.</summary>
    public string InstanceId => PartitionKey;
}
