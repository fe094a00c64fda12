using Azure.Storage.Blobs.Models;
using Ingest.Cli.Local;
using Ingest.Core.Articles;
using Ingest.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>
/// The function app on the WebJobs JobHost against the fixture's Azurite — the same host `ingest up` runs,
/// with polling tightened so tests see outcomes quickly and poison paths in a few attempts.
/// </summary>
public sealed class ChainHost : IAsyncDisposable
{
    internal static readonly HostJsonSettings FastSettings = new(
        MaxPollingInterval: TimeSpan.FromMilliseconds(250),
        VisibilityTimeout: TimeSpan.Zero,
        BatchSize: 16,
        NewBatchThreshold: 8,
        MaxDequeueCount: 3,
        FunctionTimeout: TimeSpan.FromMinutes(2));

    private readonly CancellationTokenSource _stop;
    private readonly Task _run;
    private readonly ILoggerFactory _loggerFactory;
    private readonly JobHostSupervisor _supervisor;

    private ChainHost(CancellationTokenSource stop, Task run, ILoggerFactory loggerFactory, JobHostSupervisor supervisor) =>
        (_stop, _run, _loggerFactory, _supervisor) = (stop, run, loggerFactory, supervisor);

    /// <summary>The services of the host running now (a fresh one after a supervised restart).</summary>
    public IServiceProvider Services => _supervisor.Current!.Services;

    /// <summary>How many times the supervisor replaced a failed job host.</summary>
    public int Restarts => _supervisor.Restarts;

    public static Task<ChainHost> StartAsync(
        AzuriteFixture azurite,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        Action<ILoggingBuilder>? configureLogging = null) =>
        StartAsync(azurite.ConnectionString, settings, configureServices, configureLogging);

    /// <summary>
    /// Runs the host under the same <see cref="JobHostSupervisor"/> as `ingest up`: a fault the WebJobs listeners hand
    /// to their exception handler (a lease renewal that comes too late on a starved machine, say) restarts the host
    /// as it would in production, instead of ending the whole test process with every other test in it.
    /// </summary>
    public static Task<ChainHost> StartAsync(
        string connectionString,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        Action<ILoggingBuilder>? configureLogging = null) =>
        StartAsync(connectionString, FastSettings, settings, configureServices, configureLogging);

    /// <summary>A host with other host.json queue settings than <see cref="FastSettings"/>.</summary>
    internal static async Task<ChainHost> StartAsync(
        string connectionString,
        HostJsonSettings hostSettings,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        Action<ILoggingBuilder>? configureLogging = null)
    {
        var merged = new Dictionary<string, string?>
        {
            // Sweep often with a short grace, so a blob the polling trigger misses is still picked up within the test's wait.
            ["Ingest:ReconcileSchedule"] = "*/2 * * * * *",
            ["Ingest:ReconcileGrace"] = "00:00:04",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }
        // The supervisor's own lines (a restart) go wherever the test sends the host's logs.
        var loggerFactory = LoggerFactory.Create(builder => configureLogging?.Invoke(builder));
        var supervisor = LocalFunctionHost.Supervised(connectionString, hostSettings, loggerFactory, configureLogging, merged, configureServices);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new CancellationTokenSource();
        var run = Task.Run(() => supervisor.RunAsync(() => started.TrySetResult(), stop.Token));
        // A failed first start ends the run with its exception: surface it here rather than wait forever.
        await Task.WhenAny(started.Task, run);
        if (!started.Task.IsCompleted)
        {
            await run;
            throw new InvalidOperationException("The chain host stopped before it started.");
        }
        return new ChainHost(stop, run, loggerFactory, supervisor);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
        _loggerFactory.Dispose();
    }
}

/// <summary>Drops blobs and waits for their outcomes the way a producer and a consumer would.</summary>
public static class ChainDriver
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    public static async Task<(string Name, string ArticleId)> DropAsync(StorageClients clients, string name, byte[] content, string? contentType = null)
    {
        var response = await clients.Container(ChainNames.IncomingContainer).GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } });
        return (name, ArticleId.ForBlob(ChainNames.IncomingContainer, name, response.Value.ETag.ToString()));
    }

    public static Task<(string Name, string ArticleId)> DropAsync(StorageClients clients, string name, string text, string? contentType = "text/plain") =>
        DropAsync(clients, name, System.Text.Encoding.UTF8.GetBytes(text), contentType);

    /// <summary>Polls the Articles table by id until the record exists; fails the test with a clear message on timeout.</summary>
    public static async Task<ProcessedDocument> WaitForOutcomeAsync(StorageClients clients, string articleId, TimeSpan? timeout = null)
    {
        var queries = new ArticleQueries(clients, TimeProvider.System);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (DateTime.UtcNow < deadline)
        {
            if (await queries.GetAsync(articleId, CancellationToken.None) is { } document)
            {
                return document;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No outcome for article {articleId} within {(timeout ?? DefaultTimeout).TotalSeconds} s.");
    }

    /// <summary>Waits until every id has an outcome, polling all of them together.</summary>
    public static async Task<IReadOnlyList<ProcessedDocument>> WaitForOutcomesAsync(StorageClients clients, IReadOnlyList<string> articleIds, TimeSpan? timeout = null)
    {
        var queries = new ArticleQueries(clients, TimeProvider.System);
        var found = new Dictionary<string, ProcessedDocument>();
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var id in articleIds.Where(id => !found.ContainsKey(id)))
            {
                if (await queries.GetAsync(id, CancellationToken.None) is { } document)
                {
                    found[id] = document;
                }
            }
            if (found.Count == articleIds.Count)
            {
                return articleIds.Select(id => found[id]).ToList();
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{articleIds.Count - found.Count} of {articleIds.Count} articles had no outcome within {(timeout ?? DefaultTimeout).TotalSeconds} s.");
    }
}
