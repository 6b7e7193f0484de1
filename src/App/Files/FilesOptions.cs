using System.ComponentModel.DataAnnotations;

namespace PepFunctions.App.Files;

/// <summary>Limits on uploaded files (configuration section <c>Files</c>).</summary>
public sealed class FilesOptions
{
    /// <summary>The configuration section: <c>Files</c>.</summary>
    public const string SectionName = "Files";

    /// <summary>The largest upload accepted, in bytes; 5 MB by default.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;
}
