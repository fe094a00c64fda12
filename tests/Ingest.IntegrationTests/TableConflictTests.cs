using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Ingest.Core.Articles;
using Ingest.Core.Configuration;
using Ingest.Core.Pipeline;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ingest.IntegrationTests;

/// <summary>
/// A second publisher of the same article writes between the chain's read of the Articles row and its writes,
/// on a real Azurite: the chain meets a real 409 (processed blob already there) or 412 (row changed since it read
/// it) and handles it: no stage error, no poison, one record whose blob and row agree, the first document kept.
/// </summary>
public sealed partial class TableConflictTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string CompetingRecognizer = "competing-run";
    private readonly CapturingLoggerProvider _logs = new();

    /// <summary>The pipeline's own log lines, to explain a failed assertion.</summary>
    private string PipelineLog => string.Join("\n", _logs.Lines.Where(l => l.Contains(" Ingest.", StringComparison.Ordinal)));

    [Fact]
    public async Task A_competing_publish_committed_before_the_chain_writes_the_document_is_kept_and_the_chain_stands_down()
    {
        // Just before the chain uploads processed/{id}.json, another run publishes the same article completely,
        // with a document that differs in one visible way (its recognizer).
        var competitor = new CompetingPublishPolicy(
            message => message.Request.Method == RequestMethod.Put && DocumentBlobPath().IsMatch(message.Request.Uri.Path),
            async message =>
            {
                var chainDocument = DocumentJson.Deserialize(await ReadContentAsync(message));
                await PublishCompetingAsync(chainDocument);
            });

        var (id, outcome) = await RunChainAsync(competitor, "conflict/blob.txt", story: 1);

        Assert.Equal(409, competitor.ChainResponseStatus);
        // The first committed document stands: consumers may already have read it and its notification.
        Assert.True(outcome.Recognizer?.Name == CompetingRecognizer, $"Kept {outcome.Recognizer?.Name}:\n{PipelineLog}");
        await AssertOneConsistentRecordAsync(id, CompetingRecognizer);
        // The chain stood down before notifying: the competitor's notification is the only one.
        Assert.Single(await NotificationsForAsync(id));
    }

    [Fact]
    public async Task A_competing_publish_between_the_chain_reading_the_row_and_committing_it_ends_with_the_chains_document_once()
    {
        // Just before the chain commits the Articles row (a replace conditional on the version it read), another run
        // publishes the same article: it finds the chain's document already in the blob and finishes with that one.
        var competitor = new CompetingPublishPolicy(
            message => message.Request.Method == RequestMethod.Put
                && ArticleRowPath().IsMatch(message.Request.Uri.Path)
                && message.Request.Headers.TryGetValue("If-Match", out var ifMatch) && ifMatch != "*",
            async message =>
            {
                var id = ArticleRowPath().Match(message.Request.Uri.Path).Groups["id"].Value;
                var written = (await azurite.Clients.Container(ChainNames.ProcessedContainer).GetBlobClient(ArticleRows.DocumentBlobName(id)).DownloadContentAsync())
                    .Value.Content.ToString();
                await PublishCompetingAsync(DocumentJson.Deserialize(written));
            });

        var (id, outcome) = await RunChainAsync(competitor, "conflict/commit.txt", story: 2);

        Assert.Equal(412, competitor.ChainResponseStatus);
        Assert.True(outcome.Recognizer is { } recognizer && recognizer.Name != CompetingRecognizer, $"Kept {outcome.Recognizer?.Name}:\n{PipelineLog}");
        await AssertOneConsistentRecordAsync(id, outcome.Recognizer!.Name);
        // Notifications are at-least-once: both publishers announced the same document.
        var notifications = await NotificationsForAsync(id);
        Assert.NotEmpty(notifications);
        Assert.All(notifications, n => Assert.Equal(ArticleStatus.Processed, n.Status));
    }

    /// <summary>Runs the chain with the competing writer in its storage pipeline and waits for the article's outcome.</summary>
    private async Task<(string Id, ProcessedDocument Outcome)> RunChainAsync(CompetingPublishPolicy competitor, string name, int story)
    {
        await using var host = await ChainHost.StartAsync(azurite, configureServices: services => services.AddSingleton(
            new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString },
                configureClientOptions: options => options.AddPolicy(competitor, HttpPipelinePosition.PerCall))),
            configureLogging: logging => logging.AddProvider(_logs));
        // Distinct stories, so neither test's article is a near duplicate of the other's (duplicates skip recognition).
        var (_, id) = await ChainDriver.DropAsync(azurite.Clients, name,
            $"Harbour works story {story}\n\nMaria Lindqvist of the Northport council spoke in Greyhaven. {TestTexts.DistinctBody(2000 + story, 50)}");
        var outcome = await ChainDriver.WaitForOutcomeAsync(azurite.Clients, id);
        await QueueInspector.WaitUntilDrainedAsync(azurite.Clients, id);
        Assert.True(competitor.Fired, "The competing publish never ran; the test proved nothing.");
        return (id, outcome);
    }

    private async Task PublishCompetingAsync(ProcessedDocument chainDocument)
    {
        // The competing run is a publisher of its own with clients outside the chain's pipeline.
        var publisher = new TableOutcomePublisher(azurite.Clients, Options.Create(new PipelineOptions()), NullLogger<TableOutcomePublisher>.Instance);
        await publisher.PublishAsync(chainDocument with { Recognizer = new RecognizerInfo { Name = CompetingRecognizer, Version = "1" } }, CancellationToken.None);
    }

    /// <summary>One Articles row, complete, whose inline document is the processed blob; one status-index row; no errors, nothing poisoned.</summary>
    private async Task AssertOneConsistentRecordAsync(string id, string expectedRecognizer)
    {
        var rows = await azurite.Clients.Table(ChainNames.ArticlesTable).QueryAsync<TableEntity>(e => e.PartitionKey == id).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal(ArticleRows.PublishStateComplete, row.GetString("PublishState"));
        var blobJson = (await azurite.Clients.Container(ChainNames.ProcessedContainer).GetBlobClient(ArticleRows.DocumentBlobName(id)).DownloadContentAsync())
            .Value.Content.ToString();
        Assert.Equal(blobJson, row.GetString("Document"));
        Assert.Equal(expectedRecognizer, DocumentJson.Deserialize(blobJson).Recognizer?.Name);
        SchemaValidator.AssertValid(blobJson);

        var statusRows = await azurite.Clients.Table(ChainNames.ArticleIndexTable)
            .QueryAsync<TableEntity>(e => e.RowKey == id).ToListAsync();
        Assert.Equal([ArticleRows.StatusPartition(ArticleStatus.Processed)], statusRows.Select(r => r.PartitionKey));
        Assert.Empty(await azurite.Clients.Table(ChainNames.StageErrorsTable).QueryAsync<TableEntity>(e => e.PartitionKey == id).ToListAsync());
        foreach (var poison in new[] { ChainNames.CleanPoisonQueue, ChainNames.DeduplicatePoisonQueue, ChainNames.RecognizePoisonQueue, ChainNames.PublishPoisonQueue, ChainNames.BlobTriggerPoisonQueue })
        {
            Assert.Equal(0, (await azurite.Clients.Queue(poison).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }
    }

    private async Task<IReadOnlyList<ProcessedNotification>> NotificationsForAsync(string id) =>
        (await QueueInspector.ReadNotificationsAsync(azurite.Clients)).Where(n => n.Id == id).ToList();

    private static async Task<string> ReadContentAsync(HttpMessage message)
    {
        using var buffer = new MemoryStream();
        await message.Request.Content!.WriteToAsync(buffer, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [GeneratedRegex($"/{ChainNames.ProcessedContainer}/[0-9a-f]+\\.json$")]
    private static partial Regex DocumentBlobPath();

    [GeneratedRegex($"/{ChainNames.ArticlesTable}\\(PartitionKey='(?<id>[0-9a-f]+)',RowKey='{ArticleRows.ArticleRowKey}'\\)$")]
    private static partial Regex ArticleRowPath();

    /// <summary>
    /// Runs a competing write once, just before the first chain request that matches goes out, then lets that request
    /// go and records the status the service answered it with. Matching requests of other runs of the chain for the
    /// same article (the trigger is at-least-once; two runs are common) wait until the competing write is done, so it
    /// is always the first writer.
    /// </summary>
    private sealed class CompetingPublishPolicy(Func<HttpMessage, bool> isTarget, Func<HttpMessage, Task> competeAsync) : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource _competed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _fired;

        public bool Fired => _competed.Task.IsCompletedSuccessfully;
        public int? ChainResponseStatus { get; private set; }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (!isTarget(message))
            {
                await ProcessNextAsync(message, pipeline);
                return;
            }
            if (Interlocked.Exchange(ref _fired, 1) == 1)
            {
                await _competed.Task;
                await ProcessNextAsync(message, pipeline);
                return;
            }
            try
            {
                await competeAsync(message);
                _competed.SetResult();
            }
            catch (Exception ex)
            {
                _competed.SetException(ex);
                throw;
            }
            await ProcessNextAsync(message, pipeline);
            ChainResponseStatus = message.Response.Status;
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new InvalidOperationException("The chain calls storage asynchronously only; a synchronous call would bypass the competing write.");
    }
}
