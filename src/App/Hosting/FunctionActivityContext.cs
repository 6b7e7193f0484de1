using Microsoft.DurableTask;

namespace PepFunctions.App.Hosting;

/// <summary>
/// The <see cref="TaskActivityContext"/> an activity class gets when its <c>[ActivityTrigger]</c> function runs it:
/// the activity's name. The instance id is not bound (activities carry the case id in their input).
/// </summary>
public sealed class FunctionActivityContext(TaskName name) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId => string.Empty;
}
