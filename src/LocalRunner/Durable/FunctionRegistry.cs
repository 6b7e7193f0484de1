using DurableTask.Core;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>
/// The orchestrations or activities the engine's worker dispatches to, by function name. The worker asks it for a
/// new object per work item; a name it does not hold gets null, which the framework reports as a missing type.
/// </summary>
internal sealed class FunctionRegistry<T> : INameVersionObjectManager<T>
{
    private readonly Dictionary<string, ObjectCreator<T>> _creators = new(StringComparer.Ordinal);

    /// <summary>The function names registered.</summary>
    public IReadOnlyCollection<string> Names => _creators.Keys;

    public void Add(ObjectCreator<T> creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        if (!_creators.TryAdd(creator.Name, creator))
        {
            throw new InvalidOperationException($"Two durable functions are named '{creator.Name}'.");
        }
    }

    /// <remarks>Function apps have no versions: the version is ignored, as Durable Functions ignores it.</remarks>
    public T? GetObject(string name, string? version) => _creators.TryGetValue(name, out var creator) ? creator.Create() : default;
}
