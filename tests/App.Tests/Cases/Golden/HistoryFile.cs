using System.Runtime.CompilerServices;
using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PepFunctions.App.Tests.Cases.Golden;

/// <summary>
/// A golden history on disk: the scenario, the version it was recorded at, and the events in order, each written with
/// Newtonsoft.Json's defaults as the Azure Storage provider writes them (its <c>EventType</c> names its class).
/// </summary>
internal sealed record HistoryFile(string Scenario, string Version, IReadOnlyList<HistoryEvent> Events)
{
    private static readonly Dictionary<EventType, Type> EventTypes = typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(HistoryEvent)))
        .ToDictionary(t => ((HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)).EventType);

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        NullValueHandling = NullValueHandling.Ignore,
    });

    /// <summary>The file of <paramref name="scenario"/> at <paramref name="version"/>, under the tests' sources (never the build output).</summary>
    public static string PathOf(string version, string scenario) =>
        Path.Combine(Support.RepositoryFiles.Root, "tests", "App.Tests", "Cases", "Golden", "v" + version, scenario + ".json");

    public static HistoryFile Read(string path)
    {
        var root = JObject.Parse(File.ReadAllText(path));
        var events = ((JArray)root["events"]!).Select(e =>
            (HistoryEvent)e.ToObject(EventTypes[e[nameof(HistoryEvent.EventType)]!.ToObject<EventType>()], Serializer)!).ToList();
        return new HistoryFile(root["scenario"]!.ToString(), root["version"]!.ToString(), events);
    }

    /// <summary>Writes a new file; an existing one is never overwritten (a released version's histories are never edited).</summary>
    public void WriteNew(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var root = new JObject
        {
            ["scenario"] = Scenario,
            ["version"] = Version,
            ["events"] = new JArray(Events.Select(e => JObject.FromObject(e, Serializer))),
        };
        using var file = new FileStream(path, FileMode.CreateNew);
        using var writer = new StreamWriter(file);
        writer.Write(root.ToString(Formatting.Indented));
        writer.Write('\n');
    }
}
