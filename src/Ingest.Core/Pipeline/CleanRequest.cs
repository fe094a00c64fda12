using System.Text.Json;
using Ingest.Core.Storage;

namespace Ingest.Core.Pipeline;

/// <summary>
/// The message on <see cref="ChainNames.CleanQueue"/>: one blob version to clean. It has the shape of the WebJobs blob
/// trigger's own messages (<c>{"ContainerName","BlobName","ETag"}</c>), so a poisoned request and a poisoned trigger
/// message become failed records through the same reader.
/// </summary>
public static class CleanRequest
{
    public static string ToJson(SourceBlobRef blob) => JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["ContainerName"] = blob.Container,
        ["BlobName"] = blob.Name,
        ["ETag"] = blob.ETag,
    });

    /// <summary>Reads a clean request or a blob-trigger message; false for anything else.</summary>
    public static bool TryParse(string message, out SourceBlobRef blob)
    {
        blob = null!;
        try
        {
            using var json = JsonDocument.Parse(message);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("ContainerName", out var container) && container.ValueKind == JsonValueKind.String
                && root.TryGetProperty("BlobName", out var name) && name.ValueKind == JsonValueKind.String)
            {
                var etag = root.TryGetProperty("ETag", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                blob = new SourceBlobRef(container.GetString()!, name.GetString()!, etag);
                return !string.IsNullOrEmpty(blob.Container) && !string.IsNullOrEmpty(blob.Name);
            }
        }
        catch (JsonException)
        {
        }
        return false;
    }
}
