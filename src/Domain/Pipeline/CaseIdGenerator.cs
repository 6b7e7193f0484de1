using System.Security.Cryptography;
using System.Text;

namespace PepFunctions.Domain;

/// <summary>Builds the durable instance id of a person's case from a secret key: an opaque id that identifies no one.</summary>
/// <remarks>
/// The id is <c>case-</c> followed by 26 lower-case base-32 characters: the first 128 bits of
/// HMAC-SHA256(key, office code + "\n" + normalised registration number). It carries neither the registration number
/// nor the name or NIK, because case ids appear in instance ids and history, logs, queue messages, blob names and URLs,
/// none of which can be erased. Without the key, an id cannot be linked back to a person by trying registration numbers.
/// The same key and inputs always give the same id, so enrolling the same person at the same office twice finds the same case.
/// <para>
/// Normalisation: office and registration number compare without case, and every character outside <c>[a-z0-9]</c>
/// counts as a separator, so <c>WBP/2025/77</c> and <c>wbp-2025-77</c> give the same id. The enrolment refuses the
/// second of two such numbers with 409 (the record keeps the number as given), so no two people ever share a case.
/// </para>
/// </remarks>
public sealed class CaseIdGenerator
{
    /// <summary>The prefix of every case id.</summary>
    public const string Prefix = "case-";

    /// <summary>The fewest characters a key may have.</summary>
    public const int MinKeyLength = 32;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private readonly byte[] _key;

    /// <param name="key">The secret (configuration <c>Privacy:CaseIdKey</c>), at least <see cref="MinKeyLength"/> characters.</param>
    public CaseIdGenerator(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"A case id key has at least {MinKeyLength} characters.", nameof(key));
        }

        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The case id for a person registered as <paramref name="registrationNumber"/> at <paramref name="officeCode"/>.</summary>
    public string For(string officeCode, string registrationNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(registrationNumber);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Normalise(officeCode) + "\n" + Normalise(registrationNumber)));
        return Prefix + Base32(mac.AsSpan(0, 16));
    }

    /// <summary>The case id for <paramref name="enrollment"/>.</summary>
    public string For(Enrollment enrollment)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        return For(enrollment.OfficeCode, enrollment.RegistrationNumber);
    }

    private static string Normalise(string value) =>
        string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = char.ToLowerInvariant(source[i]);
                span[i] = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-';
            }
        });

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
