using System.Security.Cryptography;
using System.Text;

namespace PepFunctions.App.Cases;

/// <summary>Short ids derived from a stable key, so a re-run of the same work writes the same row.</summary>
internal static class StableIds
{
    /// <summary>The first <paramref name="length"/> hex digits of the SHA-256 of <paramref name="key"/>.</summary>
    public static string From(string key, int length = 16) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..length];

    /// <summary>A new random short id.</summary>
    public static string New(int length = 16) => Guid.NewGuid().ToString("N")[..length];
}
