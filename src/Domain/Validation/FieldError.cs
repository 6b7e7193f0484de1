namespace PepFunctions.Domain;

/// <summary>One thing wrong with one field of a form or record, in words a member of staff can act on.</summary>
/// <param name="Field">The property's name (<c>nameof</c>), dotted for nested values, e.g. <c>Consent.RecordedBy</c>.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record FieldError(string Field, string Message);
