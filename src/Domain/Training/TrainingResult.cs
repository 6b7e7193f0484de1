namespace PepFunctions.Domain;

/// <summary>Whether a participant completed a training batch.</summary>
/// <param name="Completed">Attendance reached the threshold and the final assessment was passed.</param>
/// <param name="AttendancePercent">Sessions attended as a percentage of all sessions, rounded to one decimal.</param>
/// <param name="Reason">Why, in one sentence staff can read out.</param>
public sealed record TrainingResult(bool Completed, decimal AttendancePercent, string Reason);
