using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Support;

/// <summary>The case ids the test apps give: every <see cref="TestApp"/> (and the runner process, through
/// <c>local.settings.sample.json</c>) derives them with <see cref="Key"/>.</summary>
public static class TestCaseIds
{
    /// <summary>The development key of <c>local.settings.sample.json</c> (<c>Privacy:CaseIdKey</c>).</summary>
    public const string Key = "local-development-case-id-key-never-use-in-azure";

    private static readonly CaseIdGenerator Generator = new(Key);

    /// <summary>The case id the app gives the person registered as <paramref name="registrationNumber"/> at <paramref name="officeCode"/>.</summary>
    public static string For(string officeCode, string registrationNumber) => Generator.For(officeCode, registrationNumber);
}
