using Ingest.Core.Articles;
using Ingest.Core.Configuration;
using Ingest.Core.Pipeline;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.IntegrationTests;

/// <summary>The sweep that catches blobs the polling trigger missed, run directly against Azurite with no host listening.</summary>
public sealed class ReconcilerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>
    /// A backlog of thousands of blobs the trigger has not reached made every sweep read two rows per blob and then send
    /// thousands of messages at once, which on Azurite took most of its capacity from the chain. Now a sweep hands over at
    /// most <see cref="IncomingReconciler.MaxHandOversPerSweep"/>, and a blob handed over or found in flight is not read again.
    /// </summary>
    [Fact]
    public async Task A_backlog_is_handed_over_a_bounded_share_per_sweep_and_never_read_twice()
    {
        var configuration = NoGraceConfiguration(azurite.ConnectionString);
        var requests = new StorageRequestCounter();
        await using var services = new ServiceCollection().AddLogging()
            .AddSingleton(new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString }, requests))
            .AddIngestChain(configuration).BuildServiceProvider();
        var reconciler = services.GetRequiredService<IncomingReconciler>();
        var backlog = IncomingReconciler.MaxHandOversPerSweep + 40;
        var prefix = $"backlog-{Guid.NewGuid():N}/";
        await Parallel.ForEachAsync(Enumerable.Range(0, backlog), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await ChainDriver.DropAsync(azurite.Clients, $"{prefix}{i:D4}.txt", $"Backlog article {i}\n\nNumber {i} of a backlog no trigger has reached yet."));

        var first = await reconciler.ReconcileAsync(CancellationToken.None);
        var second = await reconciler.ReconcileAsync(CancellationToken.None);
        var tableReadsBefore = requests.Snapshot().GetValueOrDefault("table read");
        var third = await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Equal(IncomingReconciler.MaxHandOversPerSweep, first);
        Assert.True(second >= 40, $"second sweep handed over {second}");
        Assert.Equal(0, third);
        // The third sweep lists the container and reads nothing: every blob is handed over, settled or known in flight.
        Assert.Equal(tableReadsBefore, requests.Snapshot().GetValueOrDefault("table read"));
        // Every blob of the backlog has exactly one clean request.
        var requested = new List<string>();
        var queue = azurite.Clients.Queue(ChainNames.CleanQueue);
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                break;
            }
            foreach (var message in batch)
            {
                Assert.True(CleanRequest.TryParse(message.Body.ToString(), out var blob));
                if (blob.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    requested.Add(blob.Name);
                }
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        Assert.Equal(backlog, requested.Count);
        Assert.Equal(backlog, requested.Distinct().Count());
    }

    /// <summary>
    /// The hole the queue closes: a cleaning run that saved its work item and then died (here: cancelled, as when the
    /// sweep timer's run or its host is stopped) left a blob that every later sweep took for "in flight". Now that run is
    /// a request on a queue; cancelled, it is not acknowledged, and its redelivery finishes the hand-over.
    /// </summary>
    [Fact]
    public async Task A_clean_request_cut_short_after_saving_its_work_item_is_finished_by_its_redelivery()
    {
        var configuration = NoGraceConfiguration(azurite.ConnectionString);
        var cut = new CancelAfterWorkItemSaved();
        // Registered before the chain: AddIngestChain only adds its own store when none is there.
        await using var services = new ServiceCollection().AddLogging()
            .AddSingleton<IWorkItemStore>(provider => cut.Wrap(ActivatorUtilities.CreateInstance<BlobWorkItemStore>(provider)))
            .AddIngestChain(configuration).BuildServiceProvider();
        var (name, id) = await ChainDriver.DropAsync(azurite.Clients, "missed/cut-short.txt",
            "Cut short\n\nThe first cleaning run of this article stops right after saving its work item.");
        var properties = await azurite.Clients.Container(ChainNames.IncomingContainer).GetBlobClient(name).GetPropertiesAsync();
        var request = CleanRequest.ToJson(new SourceBlobRef(ChainNames.IncomingContainer, name, properties.Value.ETag.ToString()));
        var clean = services.GetRequiredService<CleanStage>();

        var queuedBefore = await CountAsync(ChainNames.DeduplicateQueue); // the other test's message may still be there

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clean.RunQueuedAsync(request, 1, cut.Token));
        Assert.True((await azurite.Clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobWorkItemStore.BlobName(id, WorkItems.Cleaned)).ExistsAsync()).Value);
        Assert.Equal(queuedBefore, await CountAsync(ChainNames.DeduplicateQueue)); // saved, nothing queued: the state that used to stick

        await clean.RunQueuedAsync(request, 2, CancellationToken.None);   // the trigger engine's redelivery
        var message = (await azurite.Clients.Queue(ChainNames.DeduplicateQueue).ReceiveMessageAsync()).Value;
        Assert.True(StageMessage.TryParse(message.Body.ToString(), out var parsed));
        Assert.Equal(id, parsed.ArticleId);
    }

    private async Task<int> CountAsync(string queue) =>
        (await azurite.Clients.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>Cancels its token as soon as the first work item has been saved.</summary>
    private sealed class CancelAfterWorkItemSaved
    {
        private readonly CancellationTokenSource _source = new();

        public CancellationToken Token => _source.Token;

        public IWorkItemStore Wrap(IWorkItemStore inner) => new Store(inner, _source);

        private sealed class Store(IWorkItemStore inner, CancellationTokenSource source) : IWorkItemStore
        {
            public async Task SaveAsync(ProcessedDocument document, string workItem, CancellationToken cancellationToken)
            {
                await inner.SaveAsync(document, workItem, cancellationToken);
                await source.CancelAsync();
            }

            public Task<ProcessedDocument?> LoadAsync(string articleId, string workItem, CancellationToken cancellationToken) =>
                inner.LoadAsync(articleId, workItem, cancellationToken);

            public Task<bool> ExistsAsync(string articleId, string workItem, CancellationToken cancellationToken) =>
                inner.ExistsAsync(articleId, workItem, cancellationToken);

            public Task DeleteAllAsync(string articleId, CancellationToken cancellationToken) => inner.DeleteAllAsync(articleId, cancellationToken);
        }
    }

    /// <summary>The chain's settings against this Azurite with no grace: every blob is old enough for the sweep at once.</summary>
    internal static IConfiguration NoGraceConfiguration(string connectionString) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["Ingest:ReconcileGrace"] = "00:00:00",
    }).Build();
}

/// <summary>
/// The sweep over a container holding one blob, so it can count exactly what it hands over. An Azurite of its own:
/// with <see cref="ReconcilerTests"/>' backlog in the same container, the count would depend on which test ran first.
/// </summary>
public sealed class ReconcilerSingleBlobTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_blob_no_trigger_picked_up_is_handed_to_the_chain_once()
    {
        var configuration = ReconcilerTests.NoGraceConfiguration(azurite.ConnectionString);
        await using var services = new ServiceCollection().AddLogging().AddIngestChain(configuration).BuildServiceProvider();
        var reconciler = services.GetRequiredService<IncomingReconciler>();
        var (_, id) = await ChainDriver.DropAsync(azurite.Clients, "missed/orphan.txt",
            "Orphaned article\n\nNo trigger saw this blob arrive, so the sweep must find it.");

        var first = await reconciler.ReconcileAsync(CancellationToken.None);
        var second = await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second); // its clean request is queued: not handed over twice
        // The sweep only hands over: the cleaning happens where the request is consumed, with the queue's retries.
        Assert.False((await azurite.Clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobWorkItemStore.BlobName(id, WorkItems.Cleaned)).ExistsAsync()).Value);
        var request = (await azurite.Clients.Queue(ChainNames.CleanQueue).ReceiveMessageAsync()).Value;
        Assert.True(CleanRequest.TryParse(request.Body.ToString(), out var blob));
        Assert.Equal(id, ArticleId.ForBlob(blob.Container, blob.Name, blob.ETag));

        // Consumed, the request runs the clean stage, which queues deduplication.
        await services.GetRequiredService<CleanStage>().RunQueuedAsync(request.Body.ToString(), 1, CancellationToken.None);
        Assert.True((await azurite.Clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobWorkItemStore.BlobName(id, WorkItems.Cleaned)).ExistsAsync()).Value);
        var message = (await azurite.Clients.Queue(ChainNames.DeduplicateQueue).ReceiveMessageAsync()).Value;
        Assert.True(StageMessage.TryParse(message.Body.ToString(), out var parsed));
        Assert.Equal(id, parsed.ArticleId);
    }
}
