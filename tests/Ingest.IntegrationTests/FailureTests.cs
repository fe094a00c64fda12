using Ingest.Core.Articles;
using Ingest.Core.Pipeline;
using Ingest.Core.Recognition;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.IntegrationTests;

/// <summary>
/// A host whose stages fail on purpose for marked inputs (fault injection around the real ports), to
/// prove that exhausted retries end as failed records with the last error, and that limits reject at once.
/// </summary>
public sealed class FailureFixture : IAsyncLifetime
{
    public const string FailReadPrefix = "fail-read/";
    public const string FailRecognizeMarker = "FAIL-RECOGNIZE";
    /// <summary>Text with this marker fails recognition only while <see cref="TransientFaultActive"/> is set: a fault that gets fixed.</summary>
    public const string TransientMarker = "FAIL-UNTIL-FIXED";
    public const int MaxInputBytes = 4096;

    public AzuriteFixture Azurite { get; } = new();
    public ChainHost Host { get; private set; } = null!;
    public FailingRecognizer Recognizer { get; } = new();

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Host = await ChainHost.StartAsync(
            Azurite,
            new Dictionary<string, string?> { ["Ingest:MaxInputBytes"] = MaxInputBytes.ToString() },
            services =>
            {
                services.AddSingleton<ISourceReader>(sp => new FailingSourceReader(
                    ActivatorUtilities.CreateInstance<BlobSourceReader>(sp)));
                services.AddSingleton<IEntityRecognizer>(Recognizer);
            });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private sealed class FailingSourceReader(ISourceReader inner) : ISourceReader
    {
        public Task<SourceRead> ReadAsync(SourceBlobRef blob, CancellationToken cancellationToken) =>
            blob.Name.StartsWith(FailReadPrefix, StringComparison.Ordinal)
                ? throw new IOException("Injected read fault: the storage connection was reset.")
                : inner.ReadAsync(blob, cancellationToken);
    }

    public sealed class FailingRecognizer : IEntityRecognizer
    {
        public volatile bool TransientFaultActive = true;

        public Task<RecognitionResult> RecognizeAsync(string text, string? language, CancellationToken cancellationToken) =>
            text.Contains(FailRecognizeMarker, StringComparison.Ordinal)
            || (TransientFaultActive && text.Contains(TransientMarker, StringComparison.Ordinal))
                ? throw new HttpRequestException("Injected recognizer fault: the service answered 503.")
                : Task.FromResult(new RecognitionResult([], new RecognizerInfo { Name = "test", Version = "1" }));
    }
}

public sealed class FailureTests(FailureFixture fixture) : IClassFixture<FailureFixture>
{
    private StorageClients Clients => fixture.Azurite.Clients;

    [Fact]
    public async Task A_stage_that_fails_every_attempt_ends_as_a_failed_record_with_the_last_error()
    {
        var (_, id) = await ChainDriver.DropAsync(Clients, "poison/recognize.txt",
            $"Recognition will fail for this one\n\nThis text carries the {FailureFixture.FailRecognizeMarker} marker so the injected recognizer throws.");

        var document = await ChainDriver.WaitForOutcomeAsync(Clients, id);

        Assert.Equal(ArticleStatus.Failed, document.Status);
        Assert.Equal(StageNames.Recognize, document.Failure!.Stage);
        Assert.Contains("Injected recognizer fault", document.Failure.Error);
        // The attempt of the last recorded error: MaxDequeueCount unless the trigger and the reconcile sweep both started a
        // run of this blob version, whose attempts share the article's error row (see NerFaultTests).
        Assert.InRange(document.Failure.Attempts, 1, ChainHost.FastSettings.MaxDequeueCount);
        Assert.NotNull(document.Article);
        SchemaValidator.AssertValid(DocumentJson.Serialize(document));
        // Drained: the poison message was turned into the record, not left behind.
        await WaitForEmptyAsync(ChainNames.RecognizePoisonQueue);
    }

    [Fact]
    public async Task A_blob_the_trigger_fails_on_every_attempt_ends_as_a_failed_record()
    {
        var (_, id) = await ChainDriver.DropAsync(Clients, FailureFixture.FailReadPrefix + "unreadable.txt",
            "Reading will fail for this one\n\nThe injected reader throws for this blob name.");

        var document = await ChainDriver.WaitForOutcomeAsync(Clients, id, TimeSpan.FromMinutes(3));

        Assert.Equal(ArticleStatus.Failed, document.Status);
        Assert.Equal(StageNames.Clean, document.Failure!.Stage);
        Assert.Contains("Injected read fault", document.Failure.Error);
        SchemaValidator.AssertValid(DocumentJson.Serialize(document));
        await WaitForEmptyAsync(ChainNames.BlobTriggerPoisonQueue);
    }

    [Fact]
    public async Task A_clean_request_that_fails_every_attempt_ends_as_a_failed_record()
    {
        // A request as the reconcile sweep sends it, for a blob no trigger watches, so only the clean queue can take it.
        var blob = new SourceBlobRef("elsewhere", FailureFixture.FailReadPrefix + "requested.txt", "\"0x8DD0000000000A1\"");
        var id = ArticleId.ForBlob(blob.Container, blob.Name, blob.ETag);
        await Clients.Queue(ChainNames.CleanQueue).SendMessageAsync(CleanRequest.ToJson(blob));

        var document = await ChainDriver.WaitForOutcomeAsync(Clients, id, TimeSpan.FromMinutes(3));

        Assert.Equal(ArticleStatus.Failed, document.Status);
        Assert.Equal(StageNames.Clean, document.Failure!.Stage);
        Assert.Contains("Injected read fault", document.Failure.Error);
        // As above: two runs of one blob version share the error row.
        Assert.InRange(document.Failure.Attempts, 1, ChainHost.FastSettings.MaxDequeueCount);
        SchemaValidator.AssertValid(DocumentJson.Serialize(document));
        await WaitForEmptyAsync(ChainNames.CleanPoisonQueue);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_rejected_from_its_properties()
    {
        var (_, id) = await ChainDriver.DropAsync(Clients, "limits/too-big.txt", new string('x', FailureFixture.MaxInputBytes + 1));

        var document = await ChainDriver.WaitForOutcomeAsync(Clients, id);

        Assert.Equal(ArticleStatus.Rejected, document.Status);
        Assert.Equal(RejectionCodes.TooLarge, document.Rejection!.Code);
        Assert.Contains("4,096", document.Rejection.Message);
    }

    [Fact]
    public async Task Replaying_a_failed_record_after_the_fault_is_fixed_replaces_it_with_the_new_outcome()
    {
        fixture.Recognizer.TransientFaultActive = true;
        var (_, id) = await ChainDriver.DropAsync(Clients, "replay/transient.txt",
            $"Recognition fails until fixed\n\nThis article carries the {FailureFixture.TransientMarker} marker, so it fails while the fault lasts.");
        var failed = await ChainDriver.WaitForOutcomeAsync(Clients, id);
        Assert.Equal(ArticleStatus.Failed, failed.Status);
        // A second run of the blob version may still be failing; its poison drain would publish "failed" over the replay.
        await QueueInspector.WaitUntilDrainedAsync(Clients, id, TimeSpan.FromMinutes(3));

        fixture.Recognizer.TransientFaultActive = false;
        var outcome = await fixture.Host.Services.GetRequiredService<ArticleReplayer>().ReplayAsync(failed, CancellationToken.None);
        var replayed = await WaitForStatusAsync(id, ArticleStatus.Processed);

        Assert.True(outcome.Started);
        Assert.Equal(id, replayed.Id);
        Assert.Null(replayed.Failure);
        Assert.NotNull(replayed.Recognizer);
        var queries = new ArticleQueries(Clients, TimeProvider.System);
        Assert.DoesNotContain(await queries.FindAsync(new ArticleQuery(Status: ArticleStatus.Failed), default), d => d.Id == id);
        Assert.Contains(await queries.FindAsync(new ArticleQuery(Status: ArticleStatus.Processed), default), d => d.Id == id);
        SchemaValidator.AssertValid(DocumentJson.Serialize(replayed));
    }

    private async Task<ProcessedDocument> WaitForStatusAsync(string id, string status)
    {
        var queries = new ArticleQueries(Clients, TimeProvider.System);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await queries.GetAsync(id, CancellationToken.None) is { } document && document.Status == status)
            {
                return document;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Article {id} did not reach {status}.");
    }

    private async Task WaitForEmptyAsync(string queue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Clients.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{queue} was not drained.");
            await Task.Delay(200);
        }
    }
}
