using System.Globalization;

namespace PepFunctions.Domain;

/// <summary>Decides whether a participant completed training.</summary>
/// <remarks>
/// Completed means attendance of at least <c>thresholdPercent</c> of the sessions (80 % by default, the
/// common rule in comparable systems) and a pass in the final assessment. The threshold is compared exactly
/// (<c>attended × 100 ≥ threshold × total</c>), so 8 of 10 sessions at 80 % completes and rounding never decides.
/// </remarks>
public static class CompletionRule
{
    /// <summary>The default attendance threshold, in percent.</summary>
    public const int DefaultThresholdPercent = 80;

    /// <summary>Evaluates one participant's attendance and final result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The counts or the threshold are impossible (a caller's bug).</exception>
    public static TrainingResult Evaluate(int attendedSessions, int totalSessions, bool passed, int thresholdPercent = DefaultThresholdPercent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSessions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(attendedSessions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attendedSessions, totalSessions);
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholdPercent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(thresholdPercent, 100);

        var percent = Math.Round(attendedSessions * 100m / totalSessions, 1, MidpointRounding.AwayFromZero);
        var attendanceMet = attendedSessions * 100 >= thresholdPercent * totalSessions;
        var attendance = string.Create(CultureInfo.InvariantCulture, $"attended {attendedSessions} of {totalSessions} sessions ({percent:0.#}%)");

        var reason = (attendanceMet, passed) switch
        {
            (true, true) => $"Completed: {attendance} and passed the final assessment.",
            (true, false) => $"Not completed: {attendance} but did not pass the final assessment.",
            (false, true) => string.Create(CultureInfo.InvariantCulture, $"Not completed: {attendance}, below the required {thresholdPercent}%."),
            (false, false) => string.Create(CultureInfo.InvariantCulture, $"Not completed: {attendance}, below the required {thresholdPercent}%, and did not pass the final assessment."),
        };
        return new TrainingResult(attendanceMet && passed, percent, reason);
    }
}
