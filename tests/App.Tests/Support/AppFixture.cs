namespace PepFunctions.App.Tests.Support;

/// <summary>
/// A class fixture: one <see cref="TestApp"/> (one task hub) shared by the tests of a class, started before the first
/// and deleted after the last. Derived fixtures say which settings the class needs.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private TestApp? _app;

    /// <summary>The running app.</summary>
    public TestApp App => _app ?? throw new InvalidOperationException("The app has not started yet.");

    /// <summary>The settings the class needs, over <see cref="TestApp"/>'s defaults.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>Whether the timer functions fire (the notification sender, every second).</summary>
    protected virtual bool RunTimers => false;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(Settings, RunTimers);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>One setting, for <see cref="Settings"/> lists.</summary>
    protected static KeyValuePair<string, string?> Set(string key, string value) => new(key, value);
}
