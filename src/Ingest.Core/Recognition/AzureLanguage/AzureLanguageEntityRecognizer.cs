using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ingest.Core.Articles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>
/// Entity recognition by Azure AI Language (<c>POST {endpoint}/language/:analyze-text</c>, kind
/// <c>EntityRecognition</c>, UTF-16 offsets). Long articles are cut into chunks within the service's per-document
/// limit, sent at most <see cref="AzureLanguageOptions.MaxDocumentsPerRequest"/> to a request and within
/// <see cref="AzureLanguageOptions.MaxRequestBytes"/>, and the entities mapped back to article offsets.
/// <para>
/// An article gets entities for all of its text or none: if the service rejects any chunk (an entry in
/// <c>results.errors</c>) the article does not go on with a silent hole in its entities. Each rejected chunk is
/// logged with the service's error code, and then, like a service that stays unavailable (retries exhausted,
/// circuit open), the article either goes to the offline recognizer, when
/// <see cref="AzureLanguageOptions.FallbackToOffline"/> is set and the result's recognizer name says so, or fails
/// with an <see cref="AzureLanguageRequestException"/> so the queue retries it and finally records it as failed.
/// Errors that another try cannot fix and that mean misconfiguration (400, 401, 403, 404) never fall back.
/// </para>
/// Thread-safe; the circuit breaker and token cache it uses are shared singletons.
/// </summary>
public sealed class AzureLanguageEntityRecognizer : IEntityRecognizer
{
    public const string RecognizerName = "azure-ai-language";

    private readonly HttpClient _httpClient;
    private readonly AzureLanguageOptions _options;
    private readonly AzureLanguageAuthenticator _authenticator;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly IEntityRecognizer? _offlineFallback;
    private readonly ILogger _logger;
    private readonly Uri _analyzeTextUri;

    internal AzureLanguageEntityRecognizer(
        HttpClient httpClient,
        AzureLanguageOptions options,
        AzureLanguageAuthenticator authenticator,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        IEntityRecognizer? offlineFallback,
        ILogger<AzureLanguageEntityRecognizer> logger)
    {
        _httpClient = httpClient;
        _options = options;
        _authenticator = authenticator;
        _pipeline = pipeline;
        _offlineFallback = options.FallbackToOffline ? offlineFallback : null;
        _logger = logger;
        var endpoint = options.Endpoint!.AbsoluteUri.TrimEnd('/');
        _analyzeTextUri = new Uri($"{endpoint}/language/:analyze-text?api-version={Uri.EscapeDataString(options.ApiVersion)}");
    }

    public async Task<RecognitionResult> RecognizeAsync(string text, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return await RecognizeWithServiceAsync(text, language, cancellationToken).ConfigureAwait(false);
        }
        catch (AzureLanguageRequestException exception) when (_offlineFallback is not null && CanFallBack(exception))
        {
            _logger.LogWarning(
                "Azure AI Language could not recognize the article (status {Status}, code {ErrorCode}/{InnerErrorCode}); using the offline recognizer.",
                exception.Status, exception.ErrorCode, exception.InnerErrorCode);
            var offline = await _offlineFallback.RecognizeAsync(text, language, cancellationToken).ConfigureAwait(false);
            return offline with
            {
                Recognizer = new RecognizerInfo
                {
                    Name = $"{RecognizerName} (fallback: {offline.Recognizer.Name})",
                    Version = offline.Recognizer.Version,
                },
            };
        }
    }

    private async Task<RecognitionResult> RecognizeWithServiceAsync(string text, string? language, CancellationToken cancellationToken)
    {
        var documentLanguage = string.IsNullOrWhiteSpace(language) ? _options.DefaultLanguage : language;
        var maxUtf16Units = RequestBatcher.MaxUtf16UnitsPerDocument(_options, documentLanguage);
        // Whitespace-only chunks hold no entities and the service rejects empty documents, so they are not sent.
        var chunks = ArticleChunker.Split(text, _options.MaxTextElementsPerDocument, maxUtf16Units)
            .Where(chunk => !text.AsSpan(chunk.Offset, chunk.Length).IsWhiteSpace())
            .ToList();
        if (chunks.Count == 0)
        {
            return new RecognitionResult([], Info(_options.ModelVersion));
        }

        var documents = chunks
            .Select((chunk, index) => new AnalysisDocument(
                index.ToString(CultureInfo.InvariantCulture), documentLanguage, text.Substring(chunk.Offset, chunk.Length)))
            .ToList();
        var bodies = RequestBatcher.Pack(documents, _options);

        var entitiesPerChunk = new List<RecognizedEntity>?[chunks.Count];
        var rejections = new List<(int Chunk, ServiceError? Error)>();
        string? modelVersion = null;
        foreach (var body in bodies)
        {
            var results = await SendAsync(body, cancellationToken).ConfigureAwait(false);
            modelVersion ??= results.ModelVersion;
            foreach (var document in results.Documents ?? [])
            {
                if (TryChunkIndex(document.Id, chunks.Count, out var chunk))
                {
                    entitiesPerChunk[chunk] = [.. document.Entities ?? []];
                    LogWarnings(chunk, document.Warnings);
                }
            }
            foreach (var error in results.Errors ?? [])
            {
                if (TryChunkIndex(error.Id, chunks.Count, out var chunk))
                {
                    rejections.Add((chunk, error.Error));
                }
            }
        }

        // A chunk the service neither answered nor rejected must not vanish: it counts as rejected.
        for (var chunk = 0; chunk < chunks.Count; chunk++)
        {
            if (entitiesPerChunk[chunk] is null && !rejections.Exists(r => r.Chunk == chunk))
            {
                rejections.Add((chunk, new ServiceError("MissingDocumentResult", "The response had neither a result nor an error for this document.", null)));
            }
        }
        if (rejections.Count > 0)
        {
            throw RejectedChunks(rejections, chunks);
        }

        var mentionsPerChunk = new List<List<EntityMention>>(chunks.Count);
        for (var chunk = 0; chunk < chunks.Count; chunk++)
        {
            mentionsPerChunk.Add(ChunkEntityAssembler.MapChunk(text, chunks[chunk], entitiesPerChunk[chunk]!, out var malformed));
            if (malformed > 0)
            {
                _logger.LogWarning(
                    "Azure AI Language returned {Count} entities without a category or outside chunk {Chunk}; they were dropped.",
                    malformed, chunk);
            }
        }
        return new RecognitionResult(ChunkEntityAssembler.Join(text, chunks, mentionsPerChunk), Info(modelVersion ?? _options.ModelVersion));
    }

    private async Task<EntityRecognitionResults> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (state, token) =>
                {
                    // A fresh request each attempt: a request message cannot be sent twice, and a token may need renewing.
                    using var request = new HttpRequestMessage(HttpMethod.Post, state.Self._analyzeTextUri)
                    {
                        Content = new ByteArrayContent(state.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
                    };
                    await state.Self._authenticator.AuthorizeAsync(request, token).ConfigureAwait(false);
                    return await state.Self._httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                },
                (Self: this, Body: body),
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException exception)
        {
            throw new AzureLanguageRequestException(0, null, null,
                $"Azure AI Language is not being called: the circuit is open after repeated failures (retry after {exception.RetryAfter?.ToString() ?? "the break"}).",
                exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new AzureLanguageRequestException(0, null, null,
                $"Azure AI Language did not answer within {_options.AttemptTimeout} on any of {_options.MaxRetries + 1} attempts.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new AzureLanguageRequestException(0, null, null,
                $"Azure AI Language could not be reached after {_options.MaxRetries + 1} attempts: {exception.Message}", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await FailedRequestAsync(response, cancellationToken).ConfigureAwait(false);
            }
            var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            AnalyzeTextResponse? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize(payload, AnalyzeTextContract.Json.AnalyzeTextResponse);
            }
            catch (JsonException exception)
            {
                throw new AzureLanguageRequestException((int)response.StatusCode, null, null,
                    $"Azure AI Language sent a response that is not valid JSON{RequestIdSuffix(response)}.", exception);
            }
            return parsed?.Results ?? throw new AzureLanguageRequestException((int)response.StatusCode, null, null,
                $"Azure AI Language sent a response without results (kind '{parsed?.Kind}'){RequestIdSuffix(response)}.");
        }
    }

    private static async Task<AzureLanguageRequestException> FailedRequestAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ServiceError? error = null;
        try
        {
            var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            error = payload.Length == 0 ? null : JsonSerializer.Deserialize(payload, AnalyzeTextContract.Json.ErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            // Not the documented envelope (a gateway's HTML page, say): the status alone describes the failure.
        }
        var status = (int)response.StatusCode;
        var message = $"Azure AI Language request failed with HTTP {status}{DescribeError(error)}{RequestIdSuffix(response)}.";
        return new AzureLanguageRequestException(status, error?.Code, error?.Innererror?.Code, message);
    }

    private AzureLanguageRequestException RejectedChunks(List<(int Chunk, ServiceError? Error)> rejections, List<TextChunk> chunks)
    {
        rejections.Sort((a, b) => a.Chunk.CompareTo(b.Chunk));
        foreach (var (chunk, error) in rejections)
        {
            _logger.LogError(
                "Azure AI Language rejected chunk {Chunk} of {ChunkCount} (UTF-16 {Start}..{End}): {ErrorCode}/{InnerErrorCode} {ErrorMessage}",
                chunk, chunks.Count, chunks[chunk].Offset, chunks[chunk].End, error?.Code, error?.Innererror?.Code, error?.Message);
        }
        var first = rejections[0].Error;
        var described = string.Join("; ", rejections.Select(r =>
            $"chunk {r.Chunk} (UTF-16 {chunks[r.Chunk].Offset}..{chunks[r.Chunk].End}){DescribeError(r.Error)}"));
        return new AzureLanguageRequestException((int)HttpStatusCode.OK, first?.Code, first?.Innererror?.Code,
            $"Azure AI Language rejected {rejections.Count} of {chunks.Count} chunk(s) of the article, so its entities would be incomplete: {described}.");
    }

    /// <summary>Unavailability and rejected chunks fall back; misconfiguration (other 4xx) must stay loud.</summary>
    private static bool CanFallBack(AzureLanguageRequestException exception) =>
        exception.Status is 0 or (int)HttpStatusCode.OK
        || AzureLanguageResiliencePipeline.IsTransientStatus((HttpStatusCode)exception.Status);

    private static bool TryChunkIndex(string? id, int chunkCount, out int chunk) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out chunk) && chunk < chunkCount;

    private void LogWarnings(int chunk, IReadOnlyList<DocumentWarning>? warnings)
    {
        foreach (var warning in warnings ?? [])
        {
            _logger.LogInformation("Azure AI Language warning for chunk {Chunk}: {WarningCode} {WarningMessage}", chunk, warning.Code, warning.Message);
        }
    }

    private static string DescribeError(ServiceError? error) => error is null
        ? string.Empty
        : $": {error.Code}{(error.Innererror?.Code is { } inner ? "/" + inner : string.Empty)} {error.Innererror?.Message ?? error.Message}";

    private static string RequestIdSuffix(HttpResponseMessage response) =>
        response.Headers.TryGetValues("apim-request-id", out var ids) ? $" (apim-request-id {ids.First()})" : string.Empty;

    private static RecognizerInfo Info(string version) => new() { Name = RecognizerName, Version = version };
}
