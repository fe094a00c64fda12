using System.Globalization;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.AzureLanguage;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Ingest.Core.Tests.Recognition.AzureLanguage;

public sealed class AzureLanguageEntityRecognizerTests : IAsyncLifetime
{
    private static readonly TimeSpan TestLimit = TimeSpan.FromSeconds(30);
    private FakeLanguageService _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeLanguageService.StartAsync();
        _server.Gazetteer["Antony Blinken"] = ("Person", null, 0.97);
        _server.Gazetteer["Washington"] = ("Location", "GPE", 0.91);
        _server.Gazetteer["NATO"] = ("Organization", null, 0.88);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sends_the_documented_request_with_the_key_and_maps_the_entities()
    {
        const string text = "Antony Blinken flew to Washington on Tuesday to meet NATO envoys.";
        await using var harness = RecognizerHarness.Create(_server);

        var result = await harness.Recognizer.RecognizeAsync(text, "en", CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("?api-version=2024-11-01", request.Query);
        Assert.Equal(RecognizerHarness.Key, request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Null(request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        var body = request.Json;
        Assert.Equal("EntityRecognition", body["kind"]!.GetValue<string>());
        Assert.Equal("latest", body["parameters"]!["modelVersion"]!.GetValue<string>());
        Assert.Equal("Utf16CodeUnit", body["parameters"]!["stringIndexType"]!.GetValue<string>());
        Assert.True(body["parameters"]!["loggingOptOut"]!.GetValue<bool>());
        Assert.Equal([("0", "en", text)], request.Documents);

        Assert.Equal(AzureLanguageEntityRecognizer.RecognizerName, result.Recognizer.Name);
        Assert.Equal(FakeLanguageService.ModelVersion, result.Recognizer.Version);
        Assert.Collection(result.Entities,
            m => AssertMention(m, text, "Antony Blinken", EntityCategories.Person, null, 0.97),
            m => AssertMention(m, text, "Washington", EntityCategories.Location, "GPE", 0.91),
            m => AssertMention(m, text, "NATO", EntityCategories.Organization, null, 0.88));
        Assert.All(result.Entities, m => Assert.Null(m.Canonical));
    }

    [Fact]
    public async Task Sends_the_default_language_when_the_article_has_none_and_the_given_one_otherwise()
    {
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?> { ["DefaultLanguage"] = "fr" });

        await harness.Recognizer.RecognizeAsync("NATO se réunit.", null, CancellationToken.None);
        await harness.Recognizer.RecognizeAsync("NATO trifft sich.", "de", CancellationToken.None);

        Assert.Equal(["fr", "de"], _server.Requests.Select(r => r.Documents.Single().Language));
    }

    [Fact]
    public async Task Keeps_category_names_it_does_not_know_as_the_service_sends_them_and_normalizes_known_ones()
    {
        _server.Gazetteer["Heathrow"] = ("Airport", null, 0.8);
        _server.Gazetteer["https://example.org"] = ("Url", null, 0.99);
        const string text = "Flights left Heathrow; see https://example.org for times.";
        await using var harness = RecognizerHarness.Create(_server);

        var result = await harness.Recognizer.RecognizeAsync(text, "en", CancellationToken.None);

        Assert.Equal(["Airport", EntityCategories.Url], result.Entities.Select(m => m.Category));
    }

    [Fact]
    public async Task Matches_results_to_chunks_by_id_whatever_order_they_come_back_in()
    {
        const string text = "NATO met. NATO left.";
        _server.Enqueue(new ScriptedResponse(200, """
            {"kind":"EntityRecognitionResults","results":{"documents":[
              {"id":"1","entities":[{"text":"NATO","category":"Organization","offset":0,"length":4,"confidenceScore":0.8}],"warnings":[]},
              {"id":"0","entities":[{"text":"NATO","category":"Organization","offset":0,"length":4,"confidenceScore":0.9}],"warnings":[]}],
             "errors":[],"modelVersion":"2023-09-01"}}
            """));
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?> { ["MaxTextElementsPerDocument"] = "10" });

        var result = await harness.Recognizer.RecognizeAsync(text, "en", CancellationToken.None);

        Assert.Equal([("0", "NATO met. "), ("1", "NATO left.")], Assert.Single(_server.Requests).Documents.Select(d => (d.Id, d.Text)));
        Assert.Equal([(0, 0.9), (10, 0.8)], result.Entities.Select(m => (m.Offset, m.Confidence)));
    }

    [Fact]
    public async Task Whitespace_only_text_needs_no_call()
    {
        await using var harness = RecognizerHarness.Create(_server);

        var result = await harness.Recognizer.RecognizeAsync(" \n\t ", "en", CancellationToken.None);

        Assert.Empty(result.Entities);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Authenticates_with_an_Entra_token_for_the_cognitive_services_scope_and_reuses_it_until_near_expiry()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var credential = new CountingTokenCredential(clock) { Lifetime = TimeSpan.FromHours(1) };
        await using var harness = RecognizerHarness.Create(_server,
            new Dictionary<string, string?> { ["Key"] = "" }, timeProvider: clock, credential: credential);

        await harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None);
        await harness.Recognizer.RecognizeAsync("NATO met again.", "en", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(30));
        await harness.Recognizer.RecognizeAsync("NATO met a third time.", "en", CancellationToken.None);
        Assert.Equal(1, credential.Calls);

        // Within five minutes of expiry the token is renewed before it is used.
        clock.Advance(TimeSpan.FromMinutes(26));
        await harness.Recognizer.RecognizeAsync("NATO met a fourth time.", "en", CancellationToken.None);

        Assert.Equal(2, credential.Calls);
        Assert.All(credential.RequestedScopes, scopes => Assert.Equal(["https://cognitiveservices.azure.com/.default"], scopes));
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2"], _server.Requests.Select(r => r.Header("Authorization")));
        Assert.All(_server.Requests, r => Assert.Null(r.Header("Ocp-Apim-Subscription-Key")));
    }

    [Theory]
    [InlineData(429, "Retry-After", "7", 7000)]
    [InlineData(429, "Retry-After", "http-date+7s", 7000)]
    [InlineData(503, "Retry-After", "3", 3000)]
    [InlineData(429, "retry-after-ms", "1500", 1500)]
    [InlineData(429, "x-ms-retry-after-ms", "250", 250)]
    public async Task Waits_exactly_as_long_as_the_service_asks(int status, string header, string value, int expectedMilliseconds)
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var expected = TimeSpan.FromMilliseconds(expectedMilliseconds);
        if (value == "http-date+7s")
        {
            value = (clock.GetUtcNow() + TimeSpan.FromSeconds(7)).ToString("R", CultureInfo.InvariantCulture);
        }
        _server.Enqueue(ScriptedResponse.Error(status, status.ToString(CultureInfo.InvariantCulture),
            "Requests to the Analyze Text Operation have exceeded rate limit of your current pricing tier.",
            headers: new Dictionary<string, string> { [header] = value }));
        await using var harness = RecognizerHarness.Create(_server, timeProvider: clock);

        var recognition = harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None);
        // The backoff would be about 10 ms; the wait scheduled must be the one the service asked for.
        await clock.WaitUntilScheduledAsync(expected, TestLimit);
        Assert.Single(_server.Requests);
        clock.Advance(expected - TimeSpan.FromMilliseconds(1));
        Assert.False(recognition.IsCompleted);
        Assert.Single(_server.Requests);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await recognition.WaitAsync(TestLimit);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("NATO", Assert.Single(result.Entities).Text);
    }

    [Fact]
    public async Task Backs_off_with_a_bounded_jittered_delay_when_the_service_names_no_wait()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        _server.Enqueue(ScriptedResponse.Error(503, "ServiceUnavailable", "Busy."), ScriptedResponse.Error(503, "ServiceUnavailable", "Busy."));
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?>
        {
            ["RetryBaseDelay"] = "00:00:02",
            ["MaxRetryDelay"] = "00:00:05",
            ["AttemptTimeout"] = "00:01:00",
        }, timeProvider: clock);

        var recognition = harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None);
        for (var retry = 1; retry <= 2; retry++)
        {
            var backoff = await NextBackoffAsync(clock, _server, retry);
            Assert.InRange(backoff, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));
            clock.Advance(backoff);
        }
        await recognition.WaitAsync(TestLimit);

        Assert.Equal(3, _server.Requests.Count);
    }

    private static async Task<TimeSpan> NextBackoffAsync(ManualTimeProvider clock, FakeLanguageService server, int failedAttempts)
    {
        var giveUpAt = DateTime.UtcNow + TestLimit;
        while (DateTime.UtcNow < giveUpAt)
        {
            // Any wait other than the one-minute attempt timeout is the retry delay.
            var waits = clock.PendingWaits.Where(w => w != TimeSpan.FromMinutes(1)).ToList();
            if (server.Requests.Count == failedAttempts && waits.Count == 1)
            {
                return waits[0];
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("No retry delay was scheduled.");
    }

    [Fact]
    public async Task Does_not_wait_out_a_Retry_After_longer_than_allowed()
    {
        _server.Enqueue(ScriptedResponse.Error(429, "429", "Please retry after 600 seconds.",
            headers: new Dictionary<string, string> { ["Retry-After"] = "600" }));
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?> { ["MaxRetryAfter"] = "00:01:00" });

        var failure = await Assert.ThrowsAsync<AzureLanguageRequestException>(
            () => harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None).WaitAsync(TestLimit));

        Assert.Equal(429, failure.Status);
        Assert.Equal("429", failure.ErrorCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Retries_a_500_and_returns_the_next_answer()
    {
        _server.Enqueue(ScriptedResponse.Error(500, "InternalServerError", "Internal server error."));
        await using var harness = RecognizerHarness.Create(_server);

        var result = await harness.Recognizer.RecognizeAsync("Antony Blinken spoke.", "en", CancellationToken.None).WaitAsync(TestLimit);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("Antony Blinken", Assert.Single(result.Entities).Text);
    }

    [Fact]
    public async Task Retries_a_dropped_connection_and_a_gateway_error()
    {
        _server.Enqueue(ScriptedResponse.DropConnection, new ScriptedResponse(502, "<html>Bad Gateway</html>"));
        await using var harness = RecognizerHarness.Create(_server);

        var result = await harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None).WaitAsync(TestLimit);

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal("NATO", Assert.Single(result.Entities).Text);
    }

    [Fact]
    public async Task A_document_the_response_does_not_mention_fails_the_article_instead_of_vanishing()
    {
        _server.Enqueue(new ScriptedResponse(200,
            """{"kind":"EntityRecognitionResults","results":{"documents":[],"errors":[],"modelVersion":"2023-09-01"}}"""));
        await using var harness = RecognizerHarness.Create(_server);

        var failure = await Assert.ThrowsAsync<AzureLanguageRequestException>(
            () => harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None));

        Assert.Equal("MissingDocumentResult", failure.ErrorCode);
        Assert.Contains("chunk 0 ", failure.Message);
    }

    [Fact]
    public async Task Entities_outside_their_document_are_dropped_and_logged()
    {
        _server.Enqueue(new ScriptedResponse(200, """
            {"kind":"EntityRecognitionResults","results":{"documents":[{"id":"0","entities":[
              {"text":"NATO","category":"Organization","offset":0,"length":4,"confidenceScore":0.9},
              {"text":"ghost","category":"Person","offset":7,"length":50,"confidenceScore":0.9}],
              "warnings":[{"code":"LongWordsInDocument","message":"Some words were truncated."}]}],
             "errors":[],"modelVersion":"2023-09-01"}}
            """));
        await using var harness = RecognizerHarness.Create(_server);

        var result = await harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None);

        Assert.Equal("NATO", Assert.Single(result.Entities).Text);
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("1 entities"));
        Assert.Contains(harness.Logs.Entries, e => e.Message.Contains("LongWordsInDocument"));
    }

    [Fact]
    public async Task Concurrent_calls_share_one_token_fetch()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var credential = new CountingTokenCredential(clock);
        await using var harness = RecognizerHarness.Create(_server,
            new Dictionary<string, string?> { ["Key"] = "" }, timeProvider: clock, credential: credential);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None)));

        Assert.Equal(1, credential.Calls);
        Assert.Equal(16, _server.Requests.Count(r => r.Header("Authorization") == "Bearer token-1"));
    }

    [Fact]
    public async Task Abandons_an_attempt_that_exceeds_the_attempt_timeout_and_retries()
    {
        // 2 s, not less: on a loaded CI machine a prompt answer must never look like a hang and be cut too.
        _server.Enqueue(new ScriptedResponse(200, Delay: TimeSpan.FromSeconds(60)));
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?> { ["AttemptTimeout"] = "00:00:02" });

        var result = await harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None).WaitAsync(TestLimit);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("NATO", Assert.Single(result.Entities).Text);
    }

    [Fact]
    public async Task The_callers_token_cancels_the_call_even_while_it_waits_to_retry()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        _server.Enqueue(ScriptedResponse.Error(503, "ServiceUnavailable", "Busy.", headers: new Dictionary<string, string> { ["Retry-After"] = "30" }));
        var offline = new FixedOfflineRecognizer();
        await using var harness = RecognizerHarness.Create(_server,
            new Dictionary<string, string?> { ["FallbackToOffline"] = "true" }, timeProvider: clock, offline: offline);
        using var cancellation = new CancellationTokenSource();

        var recognition = harness.Recognizer.RecognizeAsync("NATO met.", "en", cancellation.Token);
        await clock.WaitUntilScheduledAsync(TimeSpan.FromSeconds(30), TestLimit);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognition.WaitAsync(TestLimit));
        Assert.Equal(0, offline.Calls); // cancellation is not unavailability
    }

    [Fact]
    public async Task Without_fallback_an_unavailable_service_fails_with_its_error_code_after_the_retries()
    {
        _server.AlwaysRespond = ScriptedResponse.Error(503, "ServiceUnavailable", "The service is temporarily unavailable.");
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?> { ["MaxRetries"] = "2" });

        var failure = await Assert.ThrowsAsync<AzureLanguageRequestException>(
            () => harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None).WaitAsync(TestLimit));

        Assert.Equal(503, failure.Status);
        Assert.Equal("ServiceUnavailable", failure.ErrorCode);
        Assert.Contains("ServiceUnavailable", failure.Message);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_request_the_service_refuses_is_neither_retried_nor_sent_to_the_fallback()
    {
        _server.AlwaysRespond = ScriptedResponse.Error(401, "401",
            "Access denied due to invalid subscription key or wrong API endpoint.");
        var offline = new FixedOfflineRecognizer();
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?> { ["FallbackToOffline"] = "true" }, offline: offline);

        var failure = await Assert.ThrowsAsync<AzureLanguageRequestException>(
            () => harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None).WaitAsync(TestLimit));

        Assert.Equal(401, failure.Status);
        Assert.Equal("401", failure.ErrorCode);
        Assert.Single(_server.Requests);
        Assert.Equal(0, offline.Calls);
    }

    [Fact]
    public async Task An_open_circuit_sends_articles_to_the_offline_recognizer_and_says_so_in_the_recognizer_name()
    {
        _server.AlwaysRespond = ScriptedResponse.Error(503, "ServiceUnavailable", "The service is temporarily unavailable.");
        var offline = new FixedOfflineRecognizer();
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?>
        {
            ["FallbackToOffline"] = "true",
            ["MaxRetries"] = "3",
            ["CircuitBreaker:MinimumThroughput"] = "2",
            ["CircuitBreaker:FailureRatio"] = "1",
            ["CircuitBreaker:BreakDuration"] = "00:05:00",
        }, offline: offline);

        // Two failed attempts open the circuit; the third attempt is refused without a request.
        var first = await harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None).WaitAsync(TestLimit);
        Assert.Equal(2, _server.Requests.Count);
        var second = await harness.Recognizer.RecognizeAsync("NATO met again.", "en", CancellationToken.None).WaitAsync(TestLimit);

        Assert.Equal(2, _server.Requests.Count); // the open circuit kept the second article off the wire
        Assert.Equal(2, offline.Calls);
        foreach (var result in new[] { first, second })
        {
            Assert.Equal($"azure-ai-language (fallback: {FixedOfflineRecognizer.Name})", result.Recognizer.Name);
            Assert.Equal("1.0", result.Recognizer.Version);
            Assert.Single(result.Entities);
        }
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("circuit opened"));
    }

    [Fact]
    public async Task Without_fallback_an_open_circuit_fails_the_article()
    {
        _server.AlwaysRespond = ScriptedResponse.Error(503, "ServiceUnavailable", "The service is temporarily unavailable.");
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?>
        {
            ["MaxRetries"] = "0",
            ["CircuitBreaker:MinimumThroughput"] = "2",
            ["CircuitBreaker:FailureRatio"] = "1",
            ["CircuitBreaker:BreakDuration"] = "00:05:00",
        });

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<AzureLanguageRequestException>(() => harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None));
        }
        var refused = await Assert.ThrowsAsync<AzureLanguageRequestException>(
            () => harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None));

        Assert.Equal(0, refused.Status);
        Assert.Contains("circuit is open", refused.Message);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_rejected_chunk_fails_the_article_with_the_service_code_and_is_logged()
    {
        var text = LongArticle(sentences: 12);
        _server.RejectDocument = (id, _) => id == "1" ? ("InvalidArgument", "InvalidDocument", "Invalid document in request.") : null;
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?> { ["MaxTextElementsPerDocument"] = "200" });

        var failure = await Assert.ThrowsAsync<AzureLanguageRequestException>(
            () => harness.Recognizer.RecognizeAsync(text, "en", CancellationToken.None));

        Assert.True(_server.Requests.Sum(r => r.Documents.Count) >= 3);
        Assert.Equal(200, failure.Status);
        Assert.Equal("InvalidArgument", failure.ErrorCode);
        Assert.Equal("InvalidDocument", failure.InnerErrorCode);
        Assert.Contains("chunk 1 ", failure.Message);
        Assert.Contains("InvalidDocument", failure.Message);
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("chunk 1 ") && e.Message.Contains("InvalidDocument"));
    }

    [Fact]
    public async Task With_fallback_a_rejected_chunk_sends_the_whole_article_offline()
    {
        var text = LongArticle(sentences: 12);
        _server.RejectDocument = (id, _) => id == "2" ? ("InvalidArgument", "UnsupportedLanguageCode", "Invalid language code.") : null;
        var offline = new FixedOfflineRecognizer();
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?>
        {
            ["MaxTextElementsPerDocument"] = "200",
            ["FallbackToOffline"] = "true",
        }, offline: offline);

        var result = await harness.Recognizer.RecognizeAsync(text, "en", CancellationToken.None);

        Assert.Equal($"azure-ai-language (fallback: {FixedOfflineRecognizer.Name})", result.Recognizer.Name);
        Assert.Equal(1, offline.Calls);
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("chunk 2 ") && e.Message.Contains("UnsupportedLanguageCode"));
    }

    [Fact]
    public async Task Logs_hold_neither_article_text_nor_the_key()
    {
        const string secretSentence = "Antony Blinken whispered the launch codes.";
        _server.RejectDocument = (_, _) => ("InvalidArgument", "InvalidDocument", "Invalid document in request.");
        _server.Enqueue(ScriptedResponse.Error(500, "InternalServerError", "Internal server error."));
        await using var harness = RecognizerHarness.Create(_server);

        await Assert.ThrowsAsync<AzureLanguageRequestException>(() => harness.Recognizer.RecognizeAsync(secretSentence, "en", CancellationToken.None));

        Assert.NotEmpty(harness.Logs.Entries);
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Message.Contains("launch codes") || e.Message.Contains(RecognizerHarness.Key));
        // Trace-level HttpClient logs name the key header but hide its value, and keep the request id readable.
        Assert.Contains(harness.Logs.Entries, e => e.Message.Contains("Ocp-Apim-Subscription-Key: *"));
        Assert.Contains(harness.Logs.Entries, e => System.Text.RegularExpressions.Regex.IsMatch(e.Message, "apim-request-id: [0-9a-f-]{36}"));
    }

    internal static string LongArticle(int sentences) => string.Concat(Enumerable.Range(0, sentences).Select(i =>
        $"Sentence {i}: Antony Blinken met NATO officials in Washington 😀 and discussed café policy at length with envoys. "));

    private static void AssertMention(Ingest.Core.Articles.EntityMention mention, string text, string expected, string category, string? subcategory, double confidence)
    {
        Assert.Equal(expected, mention.Text);
        Assert.Equal(text.IndexOf(expected, StringComparison.Ordinal), mention.Offset);
        Assert.Equal(expected.Length, mention.Length);
        Assert.Equal(category, mention.Category);
        Assert.Equal(subcategory, mention.Subcategory);
        Assert.Equal(confidence, mention.Confidence, 3);
    }
}
