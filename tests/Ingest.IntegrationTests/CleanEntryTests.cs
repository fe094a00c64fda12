using Azure.Data.Tables;
using Ingest.Core.Articles;
using Ingest.Core.Configuration;
using Ingest.Core.Pipeline;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.IntegrationTests;

/// <summary>
/// The two ways a blob enters the chain, run directly against Azurite with no host listening: the trigger's entry does
/// not run a blob again once its outcome exists (and removes what a late run left), and one sweep hands each of many
/// missed blobs over exactly once.
/// </summary>
public sealed class CleanEntryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private ServiceProvider Services() => new ServiceCollection().AddLogging().AddIngestChain(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Ingest:ReconcileGrace"] = "00:00:00",
        }).Build()).BuildServiceProvider();

    [Fact]
    public async Task The_trigger_entry_skips_a_blob_whose_outcome_exists_and_runs_one_without()
    {
        await using var services = Services();
        var clean = services.GetRequiredService<CleanStage>();
        var (publishedName, publishedId) = await ChainDriver.DropAsync(azurite.Clients, "entry/published.txt", "Published already\n\nThe sweep took this one first.");
        var (freshName, freshId) = await ChainDriver.DropAsync(azurite.Clients, "entry/fresh.txt", "Not yet seen\n\nNothing has run for this one.");
        // The row the publish stage inserts first: from then on the outcome belongs to the publish stage.
        await azurite.Clients.Table(ChainNames.ArticlesTable).AddEntityAsync(new TableEntity(publishedId, ArticleRows.ArticleRowKey)
        {
            ["PublishState"] = ArticleRows.PublishStateComplete,
        });

        await clean.RunTriggeredAsync(await SourceOfAsync(publishedName), CancellationToken.None);
        await clean.RunTriggeredAsync(await SourceOfAsync(freshName), CancellationToken.None);

        Assert.False(await CleanedExistsAsync(publishedId));
        Assert.True(await CleanedExistsAsync(freshId));
    }

    [Fact]
    public async Task A_retry_for_a_published_blob_removes_the_work_a_late_run_left_but_not_one_being_published()
    {
        await using var services = Services();
        var clean = services.GetRequiredService<CleanStage>();
        var work = services.GetRequiredService<IWorkItemStore>();
        var (publishedName, publishedId) = await ChainDriver.DropAsync(azurite.Clients, "entry/late-run.txt", "Published, then a late run\n\nIts clean ran on after the outcome.");
        var (publishingName, publishingId) = await ChainDriver.DropAsync(azurite.Clients, "entry/publishing.txt", "Being published\n\nThe publish stage holds this one.");
        // What a late run leaves: the record complete, then its cleaned work item saved, and its next message never sent.
        await azurite.Clients.Table(ChainNames.ArticlesTable).AddEntityAsync(new TableEntity(publishedId, ArticleRows.ArticleRowKey)
        {
            ["PublishState"] = ArticleRows.PublishStateComplete,
        });
        await azurite.Clients.Table(ChainNames.ArticlesTable).AddEntityAsync(new TableEntity(publishingId, ArticleRows.ArticleRowKey)
        {
            ["PublishState"] = ArticleRows.PublishStatePublishing,
        });
        foreach (var (name, id) in new[] { (publishedName, publishedId), (publishingName, publishingId) })
        {
            await clean.RunAsync(await SourceOfAsync(name), CancellationToken.None);
            Assert.True(await CleanedExistsAsync(id));
        }
        var dedupQueue = azurite.Clients.Queue(ChainNames.DeduplicateQueue);
        var queuedBefore = (await dedupQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

        await clean.RunTriggeredAsync(await SourceOfAsync(publishedName), CancellationToken.None);
        await clean.RunTriggeredAsync(await SourceOfAsync(publishingName), CancellationToken.None);

        Assert.Null(await work.LoadAsync(publishedId, WorkItems.Cleaned, CancellationToken.None));
        Assert.True(await CleanedExistsAsync(publishingId));
        Assert.Equal(queuedBefore, (await dedupQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var row = await azurite.Clients.Table(ChainNames.ArticlesTable).GetEntityAsync<TableEntity>(publishedId, ArticleRows.ArticleRowKey);
        Assert.Equal(ArticleRows.PublishStateComplete, row.Value.GetString("PublishState"));
    }

    [Fact]
    public async Task One_sweep_hands_each_of_many_missed_blobs_to_the_chain_exactly_once()
    {
        await using var services = Services();
        var reconciler = services.GetRequiredService<IncomingReconciler>();
        var drops = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            ChainDriver.DropAsync(azurite.Clients, $"sweep/missed-{i:00}.txt", $"Missed article {i}\n\n{TestTexts.DistinctBody(500 + i, 30)}")));

        var first = await reconciler.ReconcileAsync(CancellationToken.None);
        var second = await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Equal(drops.Length, first);
        Assert.Equal(0, second);
        var handed = new List<string>();
        var queue = azurite.Clients.Queue(ChainNames.CleanQueue);
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } batch)
        {
            handed.AddRange(batch.Select(m => CleanRequest.TryParse(m.Body.ToString(), out var blob)
                ? ArticleId.ForBlob(blob.Container, blob.Name, blob.ETag) : "unreadable"));
        }
        Assert.Equal(drops.Select(d => d.ArticleId).Order(), handed.Where(id => drops.Any(d => d.ArticleId == id)).Order());
    }

    private async Task<SourceBlobRef> SourceOfAsync(string name)
    {
        var properties = await azurite.Clients.Container(ChainNames.IncomingContainer).GetBlobClient(name).GetPropertiesAsync();
        return new SourceBlobRef(ChainNames.IncomingContainer, name, properties.Value.ETag.ToString());
    }

    private async Task<bool> CleanedExistsAsync(string articleId) =>
        (await azurite.Clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobWorkItemStore.BlobName(articleId, WorkItems.Cleaned)).ExistsAsync()).Value;
}
