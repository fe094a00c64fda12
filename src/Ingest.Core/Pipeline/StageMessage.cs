using System.Text.Json;
using System.Text.Json.Serialization;
using Ingest.Core.Articles;

namespace Ingest.Core.Pipeline;

/// <summary>
/// The message between stages: only the article id. State lives in the work-item blob, so messages stay
/// tiny whatever the article size and any stage can be retried alone.
/// </summary>
public sealed record StageMessage([property: JsonPropertyName("articleId")] string ArticleId)
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
            if (parsed is not null && Articles.ArticleId.IsValid(parsed.ArticleId))
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
