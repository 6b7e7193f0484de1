using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;

namespace PepFunctions.App.Tests.Support;

/// <summary>
/// A feature service built a second time over table storage whose Nth write (PUT, POST, MERGE, PATCH, DELETE) throws, as a
/// crash just before that write would; on the app's task hub, with the app's other services.
/// </summary>
internal static class FaultyStorage
{
    /// <summary>A <typeparamref name="T"/> whose storage, case offices and timeline fail at write <paramref name="failingWrite"/>.</summary>
    public static T Service<T>(TestApp app, int failingWrite, params object[] more) where T : class
    {
        var storage = Storage(app, failingWrite);
        return ActivatorUtilities.CreateInstance<T>(app.Services, [storage, new CaseOffices(storage), new CaseTimeline(storage), .. more]);
    }

    /// <summary>The app's hub storage, with table writes failing at write <paramref name="failingWrite"/> (blobs as the app's).</summary>
    public static HubStorage Storage(TestApp app, int failingWrite)
    {
        var options = new TableClientOptions();
        options.AddPolicy(new FailNthWrite(failingWrite), HttpPipelinePosition.PerCall);
        var services = app.Services;
        return new HubStorage(
            new TableServiceClient(app.ConnectionString, options), services.GetRequiredService<BlobServiceClient>(),
            services.GetRequiredService<IOptions<StorageOptions>>());
    }

    private sealed class FailNthWrite(int n) : HttpPipelineSynchronousPolicy
    {
        private int _writes;

        public override void OnSendingRequest(HttpMessage message)
        {
            var method = message.Request.Method;
            if ((method == RequestMethod.Put || method == RequestMethod.Post || method == RequestMethod.Patch || method == RequestMethod.Delete
                    || method.Method == "MERGE")
                && Interlocked.Increment(ref _writes) == n)
            {
                throw new IOException($"Injected failure before write {n}.");
            }
        }
    }
}
