namespace PepFunctions.App.Tests.Support;

/// <summary>Files of the repository the tests run in.</summary>
internal static class RepositoryFiles
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The folder holding PepFunctions.sln, above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The function app's build output (with <c>functions.metadata</c>) in the configuration the tests were built in.</summary>
    public static string AppOutput { get; } = Path.Combine(Root, "src", "App", "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PepFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PepFunctions.sln above {AppContext.BaseDirectory}; run the tests inside the repository.");
    }
}
