namespace PepFunctions.App.Tests.Support;

/// <summary>Files of the repository the tests run in.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding PepFunctions.sln, above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

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
