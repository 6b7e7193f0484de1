namespace PepFunctions.Durable;

/// <summary>The rules for instance ids: they become table keys and blob name prefixes.</summary>
public static class InstanceIds
{
    /// <summary>The longest id accepted (table keys allow 1 KiB; sub-orchestration ids add a suffix).</summary>
    public const int MaxLength = 256;

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong with <paramref name="instanceId"/>.</summary>
    public static void Validate(string instanceId, string parameterName = "instanceId")
    {
        if (string.IsNullOrWhiteSpace(instanceId))
        {
            throw new ArgumentException("An instance id must not be empty.", parameterName);
        }

        if (instanceId.Length > MaxLength)
        {
            throw new ArgumentException($"An instance id must be at most {MaxLength} characters; this one has {instanceId.Length}.", parameterName);
        }

        if (instanceId is "." or "..")
        {
            throw new ArgumentException("An instance id must not be '.' or '..' (they are path segments in blob names).", parameterName);
        }

        foreach (var c in instanceId)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                var shown = char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();
                throw new ArgumentException($"An instance id must not contain '/', '\\', '#', '?' or control characters; it contains {shown}.", parameterName);
            }
        }
    }
}
