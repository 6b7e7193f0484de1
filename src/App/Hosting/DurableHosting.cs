using PepFunctions.Durable;

namespace PepFunctions.App.Hosting;

/// <summary>Wires the durable runtime (client and worker) to the app's configuration.</summary>
internal static class DurableHosting
{
    /// <summary>The Azure Functions storage setting; it becomes <see cref="DurableStorageOptions.ConnectionString"/>.</summary>
    public const string StorageConnectionKey = "AzureWebJobsStorage";

    /// <summary>Binds <see cref="DurableStorageOptions"/> and <see cref="DurableWorkerOptions"/>.</summary>
    public const string StorageSection = "Durable:Storage";

    /// <inheritdoc cref="StorageSection"/>
    public const string WorkerSection = "Durable:Worker";

    /// <summary>
    /// Adds the durable client and a worker running the tasks <paramref name="register"/> registers.
    /// Storage comes from <c>AzureWebJobsStorage</c> unless <c>Durable:Storage:ConnectionString</c> is set;
    /// the rest from the <c>Durable:Storage</c> and <c>Durable:Worker</c> sections, validated on start.
    /// </summary>
    public static WebApplicationBuilder AddDurableRuntime(this WebApplicationBuilder builder, Action<DurableTaskRegistry> register)
    {
        builder.Services.AddDurableTask(register);
        builder.Services.AddOptions<DurableStorageOptions>()
            .Configure<IConfiguration>(static (options, configuration) =>
            {
                if (configuration[StorageConnectionKey] is { Length: > 0 } connectionString)
                {
                    options.ConnectionString = connectionString;
                }
            })
            .BindConfiguration(StorageSection);
        builder.Services.AddOptions<DurableWorkerOptions>().BindConfiguration(WorkerSection);
        return builder;
    }
}
