using Ingest.Core.Articles;
using Ingest.Core.Pipeline;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.IntegrationTests;

/// <summary>Re-delivered messages and re-triggered blobs must change nothing already published.</summary>
public sealed class IdempotencyTests(ChainFixture fixture) : IClassFixture<ChainFixture>
{
    private StorageClients Clients => fixture.Azurite.Clients;

    [Fact]
    public async Task Redelivered_stage_messages_and_a_retriggered_blob_leave_one_unchanged_record_and_send_no_new_notification()
    {
        var (name, id) = await ChainDriver.DropAsync(Clients, "again/lighthouse.txt",
            "Lighthouse keeper retires after forty years\n\nThe keeper of the Greyhaven lighthouse retired on Friday after forty years of service on the rock.");
        var published = await ChainDriver.WaitForOutcomeAsync(Clients, id);
        await QueueInspector.WaitUntilDrainedAsync(Clients, id);
        var publishedJson = (await Clients.Container(ChainNames.ProcessedContainer).GetBlobClient(id + ".json").DownloadContentAsync()).Value.Content.ToString();
        // Notifications are at least once: two runs of one blob version (trigger and sweep) that publish before either
        // commits may both send one. What the redeliveries below must not do is send another. Reading hides these
        // for five minutes, so the second read sees only new ones.
        Assert.Contains(await QueueInspector.ReadNotificationsAsync(Clients), n => n.Id == id);

        // The same message delivered again to every stage, as a queue may do after a visibility timeout.
        var stageQueue = fixture.Host.Services.GetRequiredService<IStageQueue>();
        foreach (var (queue, workItem) in new[]
        {
            (ChainNames.DeduplicateQueue, WorkItems.Cleaned), (ChainNames.RecognizeQueue, WorkItems.Deduplicated), (ChainNames.PublishQueue, WorkItems.Recognized),
        })
        {
            await stageQueue.SendAsync(queue, new StageMessage(id, workItem), CancellationToken.None);
        }
        // The blob trigger firing again for the same blob version (a lost receipt, a host restart).
        var etag = published.Source.ETag;
        await fixture.Host.Services.GetRequiredService<CleanStage>()
            .RunAsync(new SourceBlobRef(ChainNames.IncomingContainer, name, etag), CancellationToken.None);
        await QueueInspector.WaitUntilDrainedAsync(Clients, id);

        var after = await ChainDriver.WaitForOutcomeAsync(Clients, id);
        var afterJson = (await Clients.Container(ChainNames.ProcessedContainer).GetBlobClient(id + ".json").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal(publishedJson, afterJson);
        Assert.Equal(published.ProcessedAt, after.ProcessedAt);
        Assert.Equal(ArticleStatus.Processed, after.Status);
        Assert.DoesNotContain(await QueueInspector.ReadNotificationsAsync(Clients), n => n.Id == id);
        var rows = await Clients.Table(ChainNames.ArticlesTable).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == id).ToListAsync();
        Assert.Single(rows);
    }

    [Fact]
    public async Task Reuploading_a_name_with_new_content_makes_a_new_record_and_keeps_the_old_one()
    {
        var (name, firstId) = await ChainDriver.DropAsync(Clients, "again/tide-table.txt",
            "Tide table for the week\n\nHigh water at Greyhaven is at six in the morning on Monday.");
        var first = await ChainDriver.WaitForOutcomeAsync(Clients, firstId);

        var (_, secondId) = await ChainDriver.DropAsync(Clients, name,
            "Tide table for the week, corrected\n\nHigh water at Greyhaven is at seven in the morning on Monday, not six.");
        var second = await ChainDriver.WaitForOutcomeAsync(Clients, secondId);

        Assert.NotEqual(firstId, secondId);
        Assert.Equal(ArticleStatus.Processed, first.Status);
        Assert.Equal(ArticleStatus.Processed, second.Status);
        Assert.NotNull(await new ArticleQueries(Clients, TimeProvider.System).GetAsync(firstId, CancellationToken.None));
        Assert.Contains("corrected", second.Article!.Title);
    }

    [Fact]
    public async Task Concurrent_runs_of_the_chain_for_one_blob_version_publish_one_complete_document()
    {
        var (name, id) = await ChainDriver.DropAsync(Clients, "again/concurrent-runs.txt",
            "Ferry timetable changes for winter\n\nThe harbour authority said on Monday that the winter ferry timetable would add an early sailing to Skerry Main.");
        var etag = (await Clients.Container(ChainNames.IncomingContainer).GetBlobClient(name).GetPropertiesAsync()).Value.ETag.ToString();
        var clean = fixture.Host.Services.GetRequiredService<CleanStage>();

        // The trigger runs the chain once; three more runs start at the same moment, as duplicate trigger
        // deliveries or a reconcile sweep racing a slow trigger would.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            clean.RunAsync(new SourceBlobRef(ChainNames.IncomingContainer, name, etag), CancellationToken.None))));
        var document = await ChainDriver.WaitForOutcomeAsync(Clients, id);
        await QueueInspector.WaitUntilDrainedAsync(Clients, id);

        var final = await ChainDriver.WaitForOutcomeAsync(Clients, id);
        var blobJson = (await Clients.Container(ChainNames.ProcessedContainer).GetBlobClient(id + ".json").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal(ArticleStatus.Processed, final.Status);
        Assert.NotNull(final.Dedup);
        Assert.NotNull(final.Recognizer);
        Assert.Equal(document.ProcessedAt, final.ProcessedAt);
        Assert.Equal(DocumentJson.Serialize(final), blobJson);
        SchemaValidator.AssertValid(blobJson);
    }
}
