using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Ingest.Core.Storage;

namespace Ingest.Cli.Bench;

/// <summary>The request rate storage sustained for a request mix, and how many requests of it failed.</summary>
internal sealed record CeilingMeasurement(long Requests, long Failures, TimeSpan Elapsed, int Concurrency)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// Measures the ceiling: the raw request rate the storage account (here Azurite) sustains for the request mix the
/// pipeline actually sent, with nothing else running. Each worker picks request kinds at random in the measured
/// proportions and sends the cheapest real request of that kind: blob reads and writes of article size, listing the
/// real incoming container, queue put/get/update/delete, table point reads, writes, batches, and partition queries
/// against the real near-duplicate index (Azurite scans the whole table per query, so the table's size matters).
/// </summary>
internal sealed class StorageCeilingProbe(StorageClients clients, int articleBytes)
{
    private const string ProbeContainer = "bench-probe";
    private const string ProbeQueue = "bench-probe";
    private const string ProbeTable = "BenchProbe";
    private const int PoolSize = 64;

    private readonly ConcurrentQueue<string> _writtenBlobs = new();
    private readonly ConcurrentQueue<(string Id, string Receipt)> _receipts = new();
    private readonly ConcurrentQueue<string> _writtenRows = new();
    private BlobContainerClient _container = null!;
    private QueueClient _queue = null!;
    private TableClient _table = null!;
    private BinaryData _articleBody = null!;

    public async Task<CeilingMeasurement> MeasureAsync(IReadOnlyDictionary<string, long> mix, int concurrency, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var kinds = mix.Where(pair => pair.Value > 0).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToArray();
        if (kinds.Length == 0)
        {
            throw new InvalidOperationException("No storage requests were counted, so there is no request mix to measure.");
        }
        await PrepareAsync(cancellationToken).ConfigureAwait(false);

        var total = kinds.Sum(pair => (double)pair.Value);
        var cumulative = new double[kinds.Length];
        var running = 0.0;
        for (var i = 0; i < kinds.Length; i++)
        {
            running += kinds[i].Value / total;
            cumulative[i] = running;
        }

        long requests = 0, failures = 0;
        var warmUp = TimeSpan.FromMilliseconds(Math.Min(1000, duration.TotalMilliseconds / 5));
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (clock.Elapsed < warmUp + duration && !cancellationToken.IsCancellationRequested)
            {
                var pick = random.NextDouble();
                var index = Array.FindIndex(cumulative, c => pick <= c);
                var kind = kinds[index < 0 ? kinds.Length - 1 : index].Key;
                var failed = false;
                try
                {
                    await SendAsync(kind, random, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException)
                {
                    failed = true;
                }
                if (clock.Elapsed >= warmUp)
                {
                    Interlocked.Increment(ref requests);
                    if (failed)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = clock.Elapsed - warmUp;
        return new CeilingMeasurement(requests, failures, elapsed, concurrency);
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _container = clients.Container(ProbeContainer);
        _queue = clients.Queue(ProbeQueue);
        _table = clients.Table(ProbeTable);
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await clients.Table(ChainNames.NearDuplicateIndexTable).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _articleBody = BinaryData.FromBytes(new byte[articleBytes].Select((_, i) => (byte)('a' + i % 26)).ToArray());
        await Parallel.ForEachAsync(Enumerable.Range(0, PoolSize), cancellationToken, async (i, ct) =>
        {
            await _container.GetBlobClient($"pool/{i}").UploadAsync(_articleBody, overwrite: true, ct).ConfigureAwait(false);
            await _table.UpsertEntityAsync(new TableEntity("pool", i.ToString(System.Globalization.CultureInfo.InvariantCulture)) { ["Value"] = "x" },
                cancellationToken: ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task SendAsync(string kind, Random random, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case "blob read":
                await _container.GetBlobClient($"pool/{random.Next(PoolSize)}").DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                break;
            case "blob write":
                var name = $"w/{Guid.NewGuid():N}";
                await _container.GetBlobClient(name).UploadAsync(_articleBody, overwrite: true, cancellationToken).ConfigureAwait(false);
                _writtenBlobs.Enqueue(name);
                break;
            case "blob delete":
                await _container.GetBlobClient(_writtenBlobs.TryDequeue(out var written) ? written : $"w/missing-{random.Next()}")
                    .DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case "blob list":
                // The trigger's scan and the reconcile sweep list the real incoming container: list it, one page.
                await foreach (var _ in clients.Container(ChainNames.IncomingContainer).GetBlobsAsync(cancellationToken: cancellationToken)
                    .AsPages(pageSizeHint: 5000).ConfigureAwait(false))
                {
                    break;
                }
                break;
            case "blob lease":
                // A lease acquire/renew is a small header-only write on one blob; a metadata write costs the emulator alike
                // without the probe's workers contending for the same leases.
                await _container.GetBlobClient($"pool/{random.Next(PoolSize)}")
                    .SetMetadataAsync(new Dictionary<string, string> { ["probe"] = "1" }, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case "queue put":
                await _queue.SendMessageAsync("{\"articleId\":\"0123456789abcdef0123456789abcdef\",\"workItem\":\"cleaned\"}",
                    visibilityTimeout: null, timeToLive: null, cancellationToken).ConfigureAwait(false);
                break;
            case "queue delete" when _receipts.TryDequeue(out var message):
                await _queue.DeleteMessageAsync(message.Id, message.Receipt, cancellationToken).ConfigureAwait(false);
                break;
            case "queue update" when _receipts.TryDequeue(out var message):
                var updated = await _queue.UpdateMessageAsync(message.Id, message.Receipt, visibilityTimeout: TimeSpan.FromMinutes(1),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                _receipts.Enqueue((message.Id, updated.Value.PopReceipt));
                break;
            case "queue get" or "queue delete" or "queue update":
                // Without a received message to delete or renew, a receive is the nearest request of the same service.
                foreach (var received in (await _queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false)).Value)
                {
                    _receipts.Enqueue((received.MessageId, received.PopReceipt));
                }
                break;
            case "table read":
                await _table.GetEntityAsync<TableEntity>("pool", random.Next(PoolSize).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case "table write":
                var rowKey = Guid.NewGuid().ToString("N");
                await _table.UpsertEntityAsync(new TableEntity("w", rowKey) { ["Value"] = "x" }, cancellationToken: cancellationToken).ConfigureAwait(false);
                _writtenRows.Enqueue(rowKey);
                break;
            case "table delete":
                await _table.DeleteEntityAsync("w", _writtenRows.TryDequeue(out var row) ? row : "missing", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case "table batch":
                var partition = "batch-" + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await _table.SubmitTransactionAsync(Enumerable.Range(0, 4).Select(i =>
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                        new TableEntity(partition, i.ToString(System.Globalization.CultureInfo.InvariantCulture)) { ["Value"] = "x" })), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case "table query":
                // Most of the pipeline's queries read one near-duplicate band partition; query the real index the same way.
                var band = $"b{random.Next(32):00}-{random.NextInt64():x16}";
                await foreach (var _ in clients.Table(ChainNames.NearDuplicateIndexTable)
                    .QueryAsync<TableEntity>(filter: TableClient.CreateQueryFilter($"PartitionKey eq {band}"), cancellationToken: cancellationToken)
                    .AsPages().ConfigureAwait(false))
                {
                    break;
                }
                break;
            default:
                // Metadata reads (queue message counts, container and queue properties) and anything unclassified.
                await _queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
