using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingest.Cli.Local;

/// <summary>
/// The settings of host.json that the local JobHost honours, read the way the Functions host reads
/// them (<c>extensions.queues</c> and <c>functionTimeout</c>), so local runs behave like the deployed app.
/// </summary>
internal sealed record HostJsonSettings(
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    TimeSpan? FunctionTimeout)
{
    /// <summary>The WebJobs SDK defaults, used for any setting host.json leaves out.</summary>
    public static HostJsonSettings Defaults { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.Zero, 16, 8, 5, null);

    public static HostJsonSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            return Defaults;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"host.json at {path} is not valid JSON: {ex.Message}", ex);
        }

        var queues = root?["extensions"]?["queues"];
        return new HostJsonSettings(
            TimeSpanOr(queues?["maxPollingInterval"], Defaults.MaxPollingInterval),
            TimeSpanOr(queues?["visibilityTimeout"], Defaults.VisibilityTimeout),
            IntOr(queues?["batchSize"], Defaults.BatchSize),
            IntOr(queues?["newBatchThreshold"], Defaults.NewBatchThreshold),
            IntOr(queues?["maxDequeueCount"], Defaults.MaxDequeueCount),
            root?["functionTimeout"] is { } timeout ? TimeSpanOr(timeout, TimeSpan.Zero) : null);
    }

    private static int IntOr(JsonNode? node, int fallback) =>
        node is JsonValue value && value.TryGetValue<int>(out var number) ? number : fallback;

    private static TimeSpan TimeSpanOr(JsonNode? node, TimeSpan fallback)
    {
        if (node is not JsonValue value)
        {
            return fallback;
        }
        if (value.TryGetValue<string>(out var text))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
                ? span
                : throw new InvalidOperationException($"host.json: '{text}' is not a time span (use hh:mm:ss).");
        }
        // The Functions host also accepts plain milliseconds for maxPollingInterval.
        return value.TryGetValue<double>(out var milliseconds) ? TimeSpan.FromMilliseconds(milliseconds) : fallback;
    }
}
