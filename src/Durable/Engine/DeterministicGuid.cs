using System.Security.Cryptography;
using System.Text;

namespace PepFunctions.Durable.Engine;

/// <summary>Name-based (RFC 9562 version 5) GUIDs: the same name always gives the same GUID.</summary>
internal static class DeterministicGuid
{
    // A fixed namespace of this runtime's own, so its GUIDs do not collide with other name-based ones.
    private static readonly Guid Namespace = new("6f2a4d2c-4b43-4e8e-9a53-5c0b1a9e7d11");

    public static Guid Create(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        // SHA-1 is what version 5 UUIDs are defined with; it is an identifier here, not a security measure.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
