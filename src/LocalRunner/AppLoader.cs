using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Hosting;

namespace PepFunctions.LocalRunner;

/// <summary>
/// Loads the function app's assembly and builds its host by running the app's own entry point, exactly as the
/// worker process would start, but stops it right after <c>Build()</c>: the runner takes the built host's services
/// (every registration the app's <c>Program</c> made) instead of letting the worker connect to a Functions host.
/// </summary>
/// <remarks>
/// The built host is caught through the "Microsoft.Extensions.Hosting" diagnostic source, which
/// <c>HostApplicationBuilder.Build</c> reports to (the technique ASP.NET Core's test host uses). The host is never
/// started, so the app's hosted services do not run — a function app has none of its own; its background work is
/// timer triggers, which the runner fires.
/// </remarks>
internal static class AppLoader
{
    private static readonly AsyncLocal<Capture?> Current = new();
    private static readonly Dictionary<string, AppLoadContext> Contexts = new(StringComparer.Ordinal);

    static AppLoader() => DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());

    /// <summary>
    /// Loads the app's assembly: the copy already loaded when the app runs in this process (tests reference it),
    /// otherwise into a load context of its own that resolves the app's dependencies from the app's folder.
    /// </summary>
    public static Assembly Load(string path)
    {
        var name = AssemblyName.GetAssemblyName(path);
        if (AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name)) is { } loaded)
        {
            return loaded;
        }

        lock (Contexts)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!Contexts.TryGetValue(folder, out var context))
            {
                context = new AppLoadContext(path);
                Contexts[folder] = context;
            }

            return context.LoadFromAssemblyPath(path);
        }
    }

    /// <summary>Runs <paramref name="app"/>'s entry point with <paramref name="args"/> and returns the host it builds.</summary>
    public static IHost BuildHost(Assembly app, string[] args)
    {
        var entryPoint = app.EntryPoint ?? throw new InvalidOperationException($"{app.GetName().Name} has no entry point: is it a function app?");
        var capture = new Capture();
        Current.Value = capture;
        try
        {
            entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is HostCaptured)
        {
        }
        finally
        {
            Current.Value = null;
        }

        return capture.Host ?? throw new InvalidOperationException($"{app.GetName().Name}'s entry point returned without building a host.");
    }

    /// <summary>
    /// The app's load context. An assembly the runner has too, at the version the app asks for or later, is the
    /// runner's: the types that cross between them (the SDK's orchestration context and client, the hosting and DI
    /// abstractions, TimerInfo) must be one and the same. Any other is the app's own copy, so the app runs on the
    /// versions it was built with (its storage SDKs, for example, may be newer than the engine's).
    /// </summary>
    private sealed class AppLoadContext(string mainAssemblyPath) : AssemblyLoadContext("FunctionApp")
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            try
            {
                var shared = Default.LoadFromAssemblyName(assemblyName);
                if (assemblyName.Version is null || shared.GetName().Version >= assemblyName.Version)
                {
                    return shared;
                }
            }
            catch (IOException)
            {
                // Not the runner's, or only an older version of it: the app's own copy below.
            }

            return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
        }
    }

    private sealed class Capture
    {
        public IHost? Host { get; set; }
    }

    /// <summary>Thrown from inside <c>Build()</c> to stop the app's entry point before it runs the host.</summary>
    private sealed class HostCaptured : Exception;

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting")
            {
                listener.Subscribe(new EventObserver());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "HostBuilt" && value.Value is IHost host && Current.Value is { } capture)
            {
                capture.Host = host;
                throw new HostCaptured();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
