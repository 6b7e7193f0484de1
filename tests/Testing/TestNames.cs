using System.Security.Cryptography;

namespace PepFunctions.Testing;

/// <summary>Unique names for the storage resources a single test creates.</summary>
public static class TestNames
{
    private const int MaxHubLength = 24;
    private const int RandomHexLength = 16;
    private const int MaxPrefixLength = MaxHubLength - RandomHexLength;

    /// <summary>Returns a task hub name that no other test uses.</summary>
    /// <param name="prefix">
    /// Optional readable start, e.g. the feature under test; characters other than ASCII letters
    /// and digits are dropped and it is cut to 8 characters.
    /// </param>
    /// <remarks>
    /// The name is lower-case ASCII letters and digits only, starts with a letter, is at most
    /// 24 characters long and ends in 16 random hex digits (64 bits). That makes it a valid
    /// Azure table name, queue name and blob container name as it is, and leaves room for
    /// suffixes such as <c>-control-00</c> within the 63-character limits.
    /// </remarks>
    public static string Hub(string? prefix = null)
    {
        string readable = new((prefix ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray());
        if (readable.Length == 0 || !char.IsAsciiLetter(readable[0]))
        {
            readable = "t" + readable;
        }

        if (readable.Length > MaxPrefixLength)
        {
            readable = readable[..MaxPrefixLength];
        }

        return readable.ToLowerInvariant() + RandomNumberGenerator.GetHexString(RandomHexLength, lowercase: true);
    }
}
