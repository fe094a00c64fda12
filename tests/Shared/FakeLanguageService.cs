using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.Tests.Shared;

/// <summary>One request as the server received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    long ReceivedTimestamp)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public IReadOnlyList<(string Id, string Language, string Text)> Documents =>
        Json["analysisInput"]!["documents"]!.AsArray()
            .Select(d => (d!["id"]!.GetValue<string>(), d["language"]!.GetValue<string>(), d["text"]!.GetValue<string>()))
            .ToList();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A canned answer for the next request: status, JSON body, headers, and an optional stall before answering.</summary>
public sealed record ScriptedResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    /// <summary>Drops the connection without an answer, as a crashed gateway would.</summary>
    public static ScriptedResponse DropConnection { get; } = new(0);

    public static ScriptedResponse Error(int status, string code, string message, string? innerCode = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, ErrorEnvelope(code, message, innerCode), headers);

    public static string ErrorEnvelope(string code, string message, string? innerCode = null) =>
        new JsonObject { ["error"] = FakeLanguageService.ErrorObject(code, message, innerCode) }.ToJsonString();
}

/// <summary>
/// A local Kestrel server that plays Azure AI Language's documented <c>POST /language/:analyze-text</c>
/// (kind EntityRecognition): it enforces the documented limits (5 documents, 5,120 text elements a document,
/// 1 MB a request), answers with the documented result and error shapes, and "recognizes" the phrases of
/// <see cref="Gazetteer"/> at their UTF-16 offsets. Tests queue <see cref="ScriptedResponse"/>s to play
/// throttling and outages, and read back every request it received. Shared by the client's contract tests (Core) and
/// the chain's fault tests on Azurite (integration), so both meet the same service.
/// </summary>
public sealed class FakeLanguageService : IAsyncDisposable
{
    public const string ModelVersion = "2023-09-01";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private volatile ScriptedResponse[]? _rotation;
    private int _turn;

    private FakeLanguageService(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Phrases the fake recognizes: text → (category, subcategory, confidence).</summary>
    public ConcurrentDictionary<string, (string Category, string? Subcategory, double Confidence)> Gazetteer { get; } = new();

    /// <summary>Decides, per document, a per-document error to return in <c>results.errors</c> instead of entities.</summary>
    public Func<string, string, (string Code, string InnerCode, string Message)?>? RejectDocument { get; set; }

    /// <summary>When set, answers every request with this (after the script runs out).</summary>
    public ScriptedResponse? AlwaysRespond { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>
    /// Answers every request, once the script runs out, with these in turn: a service that stays down in several ways
    /// at once (throttled, erroring, hanging) until <see cref="Recover"/>.
    /// </summary>
    public void AlwaysRespondInTurn(params ScriptedResponse[] responses)
    {
        ArgumentOutOfRangeException.ThrowIfZero(responses.Length);
        _rotation = responses;
    }

    /// <summary>Back to the documented behaviour of a healthy service: no script, no fixed or rotating answer.</summary>
    public void Recover()
    {
        _script.Clear();
        _rotation = null;
        AlwaysRespond = null;
    }

    public static async Task<FakeLanguageService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var service = new FakeLanguageService(app);
        app.Run(service.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service.Endpoint = new Uri(address + "/");
        return service;
    }

    public void Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal static JsonObject ErrorObject(string code, string message, string? innerCode) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["innererror"] = innerCode is null ? null : new JsonObject { ["code"] = innerCode, ["message"] = message },
    };

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            headers, buffer.ToArray(), Stopwatch.GetTimestamp());
        _requests.Enqueue(request);

        var response = _script.TryDequeue(out var scripted) ? scripted : NextInRotation() ?? AlwaysRespond ?? Analyze(request);
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up on this attempt
            }
        }
        if (ReferenceEquals(response, ScriptedResponse.DropConnection))
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        context.Response.Headers["apim-request-id"] = Guid.NewGuid().ToString();
        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Body, Encoding.UTF8);
        }
    }

    private ScriptedResponse? NextInRotation() =>
        _rotation is { } rotation ? rotation[(int)((uint)Interlocked.Increment(ref _turn) % (uint)rotation.Length)] : null;

    /// <summary>The documented behaviour of a healthy service.</summary>
    private ScriptedResponse Analyze(RecordedRequest request)
    {
        if (request.Method != "POST" || request.Path != "/language/:analyze-text")
        {
            return ScriptedResponse.Error(404, "404", "Resource not found");
        }
        if (request.Body.Length > 1_000_000)
        {
            return ScriptedResponse.Error(413, "InvalidRequest", "Request Payload sent is too large to be processed.", "InvalidDocumentBatch");
        }

        JsonNode json;
        try
        {
            json = JsonNode.Parse(request.Body)!;
        }
        catch (JsonException)
        {
            return ScriptedResponse.Error(400, "InvalidRequest", "Invalid Request.", "InvalidRequestBodyFormat");
        }
        if (json["kind"]?.GetValue<string>() != "EntityRecognition")
        {
            return ScriptedResponse.Error(400, "InvalidRequest", "Invalid Request.", "InvalidParameterValue");
        }
        // Offsets are only meaningful to the client in the unit it asked for; this fake speaks UTF-16 only.
        if (json["parameters"]?["stringIndexType"]?.GetValue<string>() != "Utf16CodeUnit")
        {
            return ScriptedResponse.Error(400, "InvalidRequest", "This fake answers only stringIndexType Utf16CodeUnit.", "InvalidParameterValue");
        }
        var documents = json["analysisInput"]?["documents"]?.AsArray();
        if (documents is null || documents.Count == 0)
        {
            return ScriptedResponse.Error(400, "InvalidRequest", "Missing input documents.", "MissingInputDocuments");
        }
        if (documents.Count > 5)
        {
            return ScriptedResponse.Error(400, "InvalidRequest", "Batch request contains too many records. Max 5 records are permitted.", "InvalidDocumentBatch");
        }

        var results = new JsonArray();
        var errors = new JsonArray();
        foreach (var document in documents)
        {
            var id = document!["id"]!.GetValue<string>();
            var text = document["text"]?.GetValue<string>() ?? "";
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(DocumentError(id, "InvalidArgument", "InvalidDocument", "Document text is empty."));
                continue;
            }
            if (new StringInfo(text).LengthInTextElements > 5120)
            {
                errors.Add(DocumentError(id, "InvalidArgument", "InvalidDocument",
                    "A document within the request was too large to be processed. Limit document size to: 5120 text elements."));
                continue;
            }
            if (RejectDocument?.Invoke(id, text) is { } rejection)
            {
                errors.Add(DocumentError(id, rejection.Code, rejection.InnerCode, rejection.Message));
                continue;
            }
            results.Add(new JsonObject { ["id"] = id, ["entities"] = Recognize(text), ["warnings"] = new JsonArray() });
        }

        var body = new JsonObject
        {
            ["kind"] = "EntityRecognitionResults",
            ["results"] = new JsonObject { ["documents"] = results, ["errors"] = errors, ["modelVersion"] = ModelVersion },
        };
        return new ScriptedResponse(200, body.ToJsonString());
    }

    private JsonArray Recognize(string text)
    {
        var taken = new List<(int Start, int End)>();
        var entities = new List<JsonObject>();
        foreach (var (phrase, (category, subcategory, confidence)) in Gazetteer.OrderByDescending(p => p.Key.Length))
        {
            for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                var end = at + phrase.Length;
                if (taken.Exists(t => at < t.End && t.Start < end))
                {
                    continue;
                }
                taken.Add((at, end));
                entities.Add(new JsonObject
                {
                    ["text"] = phrase,
                    ["category"] = category,
                    ["subcategory"] = subcategory,
                    ["offset"] = at,
                    ["length"] = phrase.Length,
                    ["confidenceScore"] = confidence,
                });
            }
        }
        return [.. entities.OrderBy(e => e["offset"]!.GetValue<int>())];
    }

    private static JsonObject DocumentError(string id, string code, string innerCode, string message) =>
        new() { ["id"] = id, ["error"] = ErrorObject(code, message, innerCode) };
}
