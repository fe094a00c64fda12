using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Ingest.Core.Storage;

/// <summary>
/// The three long-lived, thread-safe service clients the pipeline shares. Built once per process.
/// </summary>
public sealed class StorageClients
{
    /// <summary>
    /// The newest service version Azurite 3.37 accepts. The SDK defaults to a newer one that Azurite
    /// refuses with 400, so emulator endpoints are pinned here; real accounts get the SDK default.
    /// </summary>
    public const BlobClientOptions.ServiceVersion EmulatorBlobVersion = BlobClientOptions.ServiceVersion.V2026_06_06;
    public const QueueClientOptions.ServiceVersion EmulatorQueueVersion = QueueClientOptions.ServiceVersion.V2026_06_06;

    /// <param name="options">The storage settings.</param>
    /// <param name="requestCounter">When given, every request the three clients send is counted by kind (the throughput harness reads it).</param>
    /// <param name="configureClientOptions">
    /// Applied to the blob, queue and table client options before the clients are built, e.g. to add an
    /// <see cref="Azure.Core.Pipeline.HttpPipelinePolicy"/> that observes or interferes with requests (fault tests).
    /// </param>
    public StorageClients(StorageOptions options, StorageRequestCounter? requestCounter = null, Action<ClientOptions>? configureClientOptions = null)
    {
        IsEmulator = StorageEndpoints.IsEmulator(options);
        var blobOptions = IsEmulator ? new BlobClientOptions(EmulatorBlobVersion) : new BlobClientOptions();
        // The WebJobs queue trigger (storage extension 4.x) reads messages as base64, as does the
        // Functions default for newer extensions; writing base64 keeps every consumer compatible.
        var queueOptions = IsEmulator ? new QueueClientOptions(EmulatorQueueVersion) : new QueueClientOptions();
        queueOptions.MessageEncoding = QueueMessageEncoding.Base64;
        var tableOptions = new TableClientOptions();
        if (requestCounter is not null)
        {
            blobOptions.AddPolicy(new StorageRequestCountingPolicy(requestCounter, StorageService.Blob), HttpPipelinePosition.PerRetry);
            queueOptions.AddPolicy(new StorageRequestCountingPolicy(requestCounter, StorageService.Queue), HttpPipelinePosition.PerRetry);
            tableOptions.AddPolicy(new StorageRequestCountingPolicy(requestCounter, StorageService.Table), HttpPipelinePosition.PerRetry);
        }
        foreach (ClientOptions clientOptions in new ClientOptions[] { blobOptions, queueOptions, tableOptions })
        {
            configureClientOptions?.Invoke(clientOptions);
        }

        if (!options.UsesIdentity)
        {
            var connectionString = options.ConnectionString!;
            Blobs = new BlobServiceClient(connectionString, blobOptions);
            Queues = new QueueServiceClient(connectionString, queueOptions);
            Tables = new TableServiceClient(connectionString, tableOptions);
        }
        else
        {
            var endpoints = StorageEndpoints.FromIdentitySettings(options);
            TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.ClientId,
            });
            Blobs = new BlobServiceClient(endpoints.Blob, credential, blobOptions);
            Queues = new QueueServiceClient(endpoints.Queue, credential, queueOptions);
            Tables = new TableServiceClient(endpoints.Table, credential, tableOptions);
        }
    }

    public bool IsEmulator { get; }
    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    public TableServiceClient Tables { get; }

    // One client per container, queue and table for the life of the process: the Get*Client calls build a new client
    // (URI, options, pipeline reference) on every call, and the chain asks for one on every storage request. Heap
    // snapshots of a loaded host showed one TableClient per request in flight. The clients are thread-safe.
    private readonly ConcurrentDictionary<string, BlobContainerClient> _containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QueueClient> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TableClient> _tables = new(StringComparer.Ordinal);

    public BlobContainerClient Container(string name) => _containers.GetOrAdd(name, Blobs.GetBlobContainerClient);
    public QueueClient Queue(string name) => _queues.GetOrAdd(name, Queues.GetQueueClient);
    public TableClient Table(string name) => _tables.GetOrAdd(name, Tables.GetTableClient);

    /// <summary>Creates every container, queue and table the chain uses; safe to call from every host at start-up.</summary>
    public async Task EnsureChainResourcesAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        work.AddRange(ChainNames.Containers.Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(ChainNames.Queues.Select(q => Queue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(ChainNames.Tables.Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(work).ConfigureAwait(false);
    }
}

/// <summary>Service endpoints derived from the settings, and whether they point at a local emulator.</summary>
public sealed record StorageEndpoints(Uri Blob, Uri Queue, Uri Table)
{
    public static StorageEndpoints FromIdentitySettings(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.AccountName))
        {
            var account = options.AccountName.Trim();
            return new StorageEndpoints(
                options.BlobServiceUri ?? new Uri($"https://{account}.blob.core.windows.net"),
                options.QueueServiceUri ?? new Uri($"https://{account}.queue.core.windows.net"),
                options.TableServiceUri ?? new Uri($"https://{account}.table.core.windows.net"));
        }

        if (options.BlobServiceUri is null || options.QueueServiceUri is null || options.TableServiceUri is null)
        {
            throw new InvalidOperationException(
                "Storage is not configured. Set AzureWebJobsStorage to a connection string, or set "
                + "AzureWebJobsStorage__accountName (or all of AzureWebJobsStorage__blobServiceUri, __queueServiceUri "
                + "and __tableServiceUri) for an identity-based connection.");
        }
        return new StorageEndpoints(options.BlobServiceUri, options.QueueServiceUri, options.TableServiceUri);
    }

    public static bool IsEmulator(StorageOptions options)
    {
        if (options.UsesIdentity)
        {
            return options.BlobServiceUri is { } uri && uri.IsLoopback;
        }

        var connectionString = options.ConnectionString!;
        if (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var blobEndpoint = ConnectionStringValue(connectionString, "BlobEndpoint");
        return connectionString.Contains("devstoreaccount1", StringComparison.OrdinalIgnoreCase)
            || (blobEndpoint is not null && Uri.TryCreate(blobEndpoint, UriKind.Absolute, out var blob) && blob.IsLoopback);
    }

    /// <summary>The blob endpoint of the settings: the connection string's, the emulator default, or the identity URI.</summary>
    public static Uri? BlobEndpoint(StorageOptions options) =>
        options.UsesIdentity ? options.BlobServiceUri : ServiceEndpoint(options.ConnectionString!, "Blob", 10000);

    /// <summary>
    /// The endpoint a connection string names for a service ("Blob", "Queue", "Table"), or the emulator's default
    /// port for it when the string says UseDevelopmentStorage.
    /// </summary>
    public static Uri? ServiceEndpoint(string connectionString, string service, int emulatorPort)
    {
        if (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri($"http://127.0.0.1:{emulatorPort}/devstoreaccount1");
        }
        var value = ConnectionStringValue(connectionString, service + "Endpoint");
        return value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
    }

    private static string? ConnectionStringValue(string connectionString, string key)
    {
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals > 0 && part[..equals].Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return part[(equals + 1)..];
            }
        }
        return null;
    }
}
