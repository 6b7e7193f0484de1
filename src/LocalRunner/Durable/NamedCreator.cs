using DurableTask.Core;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>Gives the Durable Task worker a new <typeparamref name="T"/> under <see cref="ObjectCreator{T}.Name"/> each time it asks.</summary>
public sealed class NamedCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    /// <param name="name">The orchestration's or activity's name.</param>
    /// <param name="create">Makes one.</param>
    public NamedCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    /// <inheritdoc />
    public override T Create() => _create();
}
