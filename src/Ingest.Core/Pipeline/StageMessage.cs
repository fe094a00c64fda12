using System.Text.Json;
using System.Text.Json.Serialization;
using Ingest.Core.Articles;

namespace Ingest.Core.Pipeline;

/// <summary>
/// The message between stages: the article id and which stage's output to read. State lives in work-item
/// blobs, so messages stay tiny whatever the article size and any stage can be retried alone. Each stage
/// writes its own output and reads only the one named here, so two runs of the chain for one blob version
/// (an at-least-once trigger firing twice) never read each other's half-finished state.
/// </summary>
public sealed record StageMessage(
    [property: JsonPropertyName("articleId")] string ArticleId,
    [property: JsonPropertyName("workItem")] string WorkItem)
{
    public string ToJson() => JsonSerializer.Serialize(this, StageMessageJsonContext.Default.StageMessage);

    /// <summary>Parses a stage message; false for anything that is not one (junk written by hand, another producer).</summary>
    public static bool TryParse(string? json, out StageMessage message)
    {
        message = null!;
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }
        try
        {
            var parsed = JsonSerializer.Deserialize(json, StageMessageJsonContext.Default.StageMessage);
            if (parsed is not null && Articles.ArticleId.IsValid(parsed.ArticleId) && WorkItems.IsKnown(parsed.WorkItem))
            {
                message = parsed;
                return true;
            }
        }
        catch (JsonException)
        {
        }
        return false;
    }
}

/// <summary>The outputs stages leave for the next one, named after what was done to the article.</summary>
public static class WorkItems
{
    public const string Cleaned = "cleaned";
    public const string Deduplicated = "deduplicated";
    public const string Recognized = "recognized";

    public static readonly IReadOnlyList<string> All = [Cleaned, Deduplicated, Recognized];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name);
}

/// <summary>The consumer notification on <c>articles-processed</c>: which record, its outcome, where its document is.</summary>
public sealed record ProcessedNotification(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("document")] string Document,
    [property: JsonPropertyName("sourceName")] string SourceName)
{
    public string ToJson() => JsonSerializer.Serialize(this, StageMessageJsonContext.Default.ProcessedNotification);

    public static ProcessedNotification? Parse(string json) =>
        JsonSerializer.Deserialize(json, StageMessageJsonContext.Default.ProcessedNotification);
}

[JsonSerializable(typeof(StageMessage))]
[JsonSerializable(typeof(ProcessedNotification))]
internal sealed partial class StageMessageJsonContext : JsonSerializerContext;
