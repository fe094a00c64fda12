using Azure.Data.Tables;
using Ingest.Core.Articles;
using Ingest.Core.Configuration;
using Ingest.Core.Pipeline;
using Ingest.Core.Recognition.AzureLanguage;
using Ingest.Core.Recognition.Offline;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.IntegrationTests;

/// <summary>
/// The chain on Azurite configured with the Azure AI Language recognizer, pointed at <see cref="FakeLanguageService"/>
/// playing throttling (429 with Retry-After), server errors (500) and hangs (answers after the attempt timeout): faults
/// that pass are absorbed by the client's retries, a service that stays down ends offline (fallback on) or as a
/// <c>failed</c> record from the poison drain (fallback off). After each, every file has exactly one outcome.
/// </summary>
public sealed class NerFaultTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const int FilesPerCase = 6;

    // A hang outlasts the attempt timeout, so the client gives up on that attempt (TimeoutRejectedException) and retries.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(3);
    private static readonly ScriptedResponse Throttled = ScriptedResponse.Error(429, "429", "Rate limit is exceeded.",
        headers: new Dictionary<string, string> { ["Retry-After"] = "1" });
    private static readonly ScriptedResponse ServerError = ScriptedResponse.Error(500, "InternalServerError", "Internal server error.");
    private static readonly ScriptedResponse Hang = new(503, Delay: TimeSpan.FromSeconds(5));

    private FakeLanguageService _service = null!;

    private StorageClients Clients => azurite.Clients;

    public async Task InitializeAsync()
    {
        _service = await FakeLanguageService.StartAsync();
        // Names the generated stories use, so a service answer is visibly the service's.
        foreach (var place in new[] { "Northport", "Eastholm", "Tarnby", "Westmere", "Saltcombe" })
        {
            _service.Gazetteer[place] = ("Location", null, 0.9);
        }
        foreach (var person in new[] { "Maria Lindqvist", "Tomas Okafor", "Ines Haraldsen" })
        {
            _service.Gazetteer[person] = ("Person", null, 0.95);
        }
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Throttling_server_errors_and_hangs_that_pass_are_retried_and_every_article_is_recognized_by_the_service()
    {
        // Two rounds of each fault, then the service recovers (the script runs out and it answers normally).
        _service.Enqueue(Throttled, ServerError, Hang, Throttled, ServerError, Hang);
        // The breaker is set out of reach here: this case is about retries; the cases below meet it at its defaults.
        var logs = new CapturingLoggerProvider();
        await using var host = await StartHostAsync(fallbackToOffline: false, logs, ("CircuitBreaker:MinimumThroughput", "1000"));

        var documents = await DropAndWaitAsync(seedBase: 71_000, "ner-recover");

        Assert.All(documents, d =>
        {
            Assert.Equal(ArticleStatus.Processed, d.Status);
            Assert.Equal(AzureLanguageEntityRecognizer.RecognizerName, d.Recognizer!.Name);
            Assert.Equal(FakeLanguageService.ModelVersion, d.Recognizer.Version);
        });
        // Every scripted fault was served, and every article's text was finally answered by the service.
        var requests = _service.Requests.Count;
        Assert.True(requests >= 6 + FilesPerCase, $"the service saw {requests} requests");
        // The client's own retries met each fault, and after the 429 it waited the Retry-After the service sent.
        var retries = logs.Lines.Where(l => l.Contains("Azure AI Language attempt", StringComparison.Ordinal)).ToList();
        Assert.Contains(retries, l => l.Contains("failed (HTTP 429); retrying in 00:00:01.", StringComparison.Ordinal));
        Assert.Contains(retries, l => l.Contains("failed (HTTP 500)", StringComparison.Ordinal));
        Assert.Contains(retries, l => l.Contains("failed (TimeoutRejectedException)", StringComparison.Ordinal));
        Assert.Contains(documents, d => d.Entities.Count > 0);
        await AssertOneOutcomeEachAsync(documents);
    }

    [Fact]
    public async Task A_service_that_stays_down_with_offline_fallback_ends_processed_by_the_offline_recognizer_named_as_fallback()
    {
        StayDown();
        await using var host = await StartHostAsync(fallbackToOffline: true, logs: null);

        var documents = await DropAndWaitAsync(seedBase: 72_000, "ner-fallback");

        Assert.All(documents, d =>
        {
            Assert.Equal(ArticleStatus.Processed, d.Status);
            Assert.Equal($"{AzureLanguageEntityRecognizer.RecognizerName} (fallback: {OfflineEntityRecognizer.RecognizerName})", d.Recognizer!.Name);
            Assert.NotEqual(FakeLanguageService.ModelVersion, d.Recognizer.Version);
            Assert.Null(d.Failure);
        });
        Assert.NotEmpty(_service.Requests);
        await AssertOneOutcomeEachAsync(documents);
    }

    [Fact]
    public async Task A_service_that_stays_down_without_fallback_ends_failed_at_the_recognize_stage_and_a_replay_after_recovery_processes_it()
    {
        StayDown();
        // A short break, so the replay below need not wait out the default 30 s before the breaker tries the service again.
        await using var host = await StartHostAsync(fallbackToOffline: false, logs: null, ("CircuitBreaker:BreakDuration", BreakDuration.ToString()));

        var documents = await DropAndWaitAsync(seedBase: 73_000, "ner-down");

        Assert.All(documents, d =>
        {
            Assert.Equal(ArticleStatus.Failed, d.Status);
            Assert.Equal(StageNames.Recognize, d.Failure!.Stage);
            Assert.Contains("Azure AI Language", d.Failure.Error);
            // The attempt of the last recorded error. Not always MaxDequeueCount: when the blob trigger and the reconcile
            // sweep both started a run of one blob version (allowed: runs are idempotent), their messages share the
            // article's error row, and the other run's earlier attempt can be the last one written.
            Assert.InRange(d.Failure.Attempts, 1, ChainHost.FastSettings.MaxDequeueCount);
            Assert.NotNull(d.Article);
            Assert.Null(d.Recognizer);
        });
        await AssertOneOutcomeEachAsync(documents);
        // A second run of a blob version (trigger and sweep both started one) may still be retrying against the dead
        // service; its poison drain would publish "failed" again over a replay. Let every run finish first.
        foreach (var document in documents)
        {
            await QueueInspector.WaitUntilDrainedAsync(Clients, document.Id, TimeSpan.FromMinutes(3));
        }
        await WaitForEmptyAsync(ChainNames.RecognizePoisonQueue);

        // Never lost: once the service is back, replaying the failed records gives each its real outcome under the same id.
        // The breaker may still be open from the outage; after its break it lets one trial call through (half-open), so the
        // first replay goes alone and closes it, and only then the rest (concurrent calls while half-open are refused).
        _service.Recover();
        await Task.Delay(BreakDuration + TimeSpan.FromSeconds(1));
        var replayer = host.Services.GetRequiredService<ArticleReplayer>();
        Assert.True((await replayer.ReplayAsync(documents[0], CancellationToken.None)).Started);
        await WaitForStatusAsync([documents[0].Id], ArticleStatus.Processed);
        foreach (var failed in documents.Skip(1))
        {
            Assert.True((await replayer.ReplayAsync(failed, CancellationToken.None)).Started);
        }
        var replayed = await WaitForStatusAsync(documents.Select(d => d.Id).ToList(), ArticleStatus.Processed);
        Assert.All(replayed, d => Assert.Equal(AzureLanguageEntityRecognizer.RecognizerName, d.Recognizer!.Name));
        await AssertOneOutcomeEachAsync(replayed);
    }

    /// <summary>Every request from now on meets one of the three faults, in turn, until <see cref="FakeLanguageService.Recover"/>.</summary>
    private void StayDown() => _service.AlwaysRespondInTurn(Throttled, ServerError, Hang);

    private Task<ChainHost> StartHostAsync(bool fallbackToOffline, CapturingLoggerProvider? logs, params (string Key, string Value)[] extra)
    {
        const string section = AzureLanguageOptions.SectionName;
        var settings = new Dictionary<string, string?>
        {
            [StageRegistrations.RecognizerKindKey] = StageRegistrations.AzureLanguageKind,
            [$"{section}:Endpoint"] = _service.Endpoint.ToString(),
            [$"{section}:Key"] = "integration-test-key",
            [$"{section}:AttemptTimeout"] = AttemptTimeout.ToString(),
            [$"{section}:MaxRetries"] = "3",
            // Short backoff keeps the case quick; a 429's Retry-After (1 s) is waited as sent.
            [$"{section}:RetryBaseDelay"] = "00:00:00.100",
            [$"{section}:MaxRetryDelay"] = "00:00:00.500",
            [$"{section}:FallbackToOffline"] = fallbackToOffline ? "true" : "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[$"{section}:{key}"] = value;
        }
        return ChainHost.StartAsync(azurite, settings, configureLogging: logs is null ? null : logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddProvider(logs);
        });
    }

    private async Task<IReadOnlyList<ProcessedDocument>> DropAndWaitAsync(int seedBase, string folder)
    {
        var drops = await Task.WhenAll(Enumerable.Range(0, FilesPerCase).Select(i =>
        {
            var story = GeneratedStories.Story(seedBase + i);
            var (extension, content, contentType) = story.AsFile("txt");
            return ChainDriver.DropAsync(Clients, $"{folder}/story-{i}.{extension}", content, contentType);
        }));
        return await ChainDriver.WaitForOutcomesAsync(Clients, drops.Select(d => d.ArticleId).ToList(), TimeSpan.FromMinutes(3));
    }

    /// <summary>One Articles row and one processed document per article: none lost, none doubled.</summary>
    private async Task AssertOneOutcomeEachAsync(IEnumerable<ProcessedDocument> documents)
    {
        foreach (var document in documents)
        {
            var rows = await Clients.Table(ChainNames.ArticlesTable).QueryAsync<TableEntity>(e => e.PartitionKey == document.Id).ToListAsync();
            Assert.Equal(document.Status, Assert.Single(rows).GetString("Status"));
            var blob = await Clients.Container(ChainNames.ProcessedContainer).GetBlobClient(document.Id + ".json").DownloadContentAsync();
            var json = blob.Value.Content.ToString();
            SchemaValidator.AssertValid(json);
            Assert.Equal(document.Status, DocumentJson.Deserialize(json).Status);
        }
    }

    private async Task<IReadOnlyList<ProcessedDocument>> WaitForStatusAsync(IReadOnlyList<string> ids, string status)
    {
        var queries = new ArticleQueries(Clients, TimeProvider.System);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var documents = new List<ProcessedDocument>();
            foreach (var id in ids)
            {
                if (await queries.GetAsync(id, CancellationToken.None) is { } document && document.Status == status)
                {
                    documents.Add(document);
                }
            }
            if (documents.Count == ids.Count)
            {
                return documents;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{ids.Count - documents.Count} of {ids.Count} articles did not reach {status}.");
            await Task.Delay(250);
        }
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
