using System.Reflection;
using System.Text.Json.Nodes;

namespace PepFunctions.LocalRunner.Tests.Support;

/// <summary>
/// The real function app's build output (src/App, built before these tests by the project reference), and
/// throw-away copies of it whose <c>functions.metadata</c> a test may change.
/// </summary>
/// <remarks>
/// A process hosts one app, so its assembly is loaded once, from the real build output, before any test sees a
/// path (as the runner loads it); a copy's metadata then resolves to those same types, and deleting a copy cannot
/// pull a dependency from under a host that is still running.
/// </remarks>
internal static class AppBuild
{
    private static readonly Lazy<string> Output = new(LoadApp);

    /// <summary>The repository the tests were built in.</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>src/App/bin/{Configuration}/net10.0, with its assembly loaded.</summary>
    public static string Directory => Output.Value;

    /// <summary>The build output's <c>functions.metadata</c>, as JSON.</summary>
    public static JsonArray ReadMetadata(string appDirectory) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(appDirectory, FunctionMetadataReader.FileName)))!.AsArray();

    /// <summary>Copies the build output to a new temporary folder; dispose the copy to delete it.</summary>
    public static AppCopy Copy()
    {
        var source = Directory;
        var target = System.IO.Directory.CreateTempSubdirectory("pep-runner-app-");
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target.FullName, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return new AppCopy(target);
    }

    private static string LoadApp()
    {
        var directory = Metadata("AppDirectory");
        var dll = Path.Combine(directory, "PepFunctions.App.dll");
        if (!File.Exists(Path.Combine(directory, FunctionMetadataReader.FileName)) || !File.Exists(dll))
        {
            throw new InvalidOperationException($"{directory} holds no built function app (functions.metadata, PepFunctions.App.dll): build src/App first.");
        }

        AppLoader.Load(dll);
        return directory;
    }

    private static string Metadata(string key) =>
        typeof(AppBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>A temporary copy of the app's build output.</summary>
internal sealed class AppCopy(DirectoryInfo directory) : IDisposable
{
    public string Directory => directory.FullName;

    /// <summary>Changes the copy's <c>functions.metadata</c>.</summary>
    public void EditMetadata(Action<JsonArray> edit)
    {
        var metadata = AppBuild.ReadMetadata(Directory);
        edit(metadata);
        File.WriteAllText(Path.Combine(Directory, FunctionMetadataReader.FileName), metadata.ToJsonString());
    }

    public void Dispose() => directory.Delete(recursive: true);
}
