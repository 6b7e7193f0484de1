namespace PepFunctions.Domain;

/// <summary>Whether a status change is allowed, and if not, why.</summary>
/// <param name="Allowed">The change may be made.</param>
/// <param name="Message">Why not, for staff; <see langword="null"/> when allowed.</param>
public sealed record StatusChange(bool Allowed, string? Message);
