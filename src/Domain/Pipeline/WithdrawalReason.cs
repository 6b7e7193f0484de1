namespace PepFunctions.Domain;

/// <summary>Why a person left the programme early.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WithdrawalReason>))]
public enum WithdrawalReason
{
    /// <summary>The person withdrew their consent; their data is then kept only as the law requires.</summary>
    ConsentWithdrawn,

    /// <summary>Moved to an office outside the programme.</summary>
    TransferOut,

    /// <summary>Convicted of a new offence.</summary>
    Reoffence,

    /// <summary>Died.</summary>
    Death,
}
