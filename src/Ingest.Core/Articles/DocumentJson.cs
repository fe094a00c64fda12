using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Core.Articles;

/// <summary>
/// The one place that decides how v1 documents look on the wire: camelCase, nulls written (the
/// contract promises every field), non-ASCII text kept readable. Source-generated so serialization
/// does no reflection on the hot path.
/// </summary>
public static class DocumentJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);
    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(indented: true);

    private static readonly DocumentJsonContext Compact = new(Options);
    private static readonly DocumentJsonContext Indented = new(IndentedOptions);

    public static byte[] SerializeToUtf8(ProcessedDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, Compact.ProcessedDocument);

    public static string Serialize(ProcessedDocument document, bool indented = false) =>
        JsonSerializer.Serialize(document, indented ? Indented.ProcessedDocument : Compact.ProcessedDocument);

    /// <summary>A JSON array of documents, as <c>ingest results --json</c> and <c>ingest process --json</c> print it.</summary>
    public static string SerializeList(IEnumerable<ProcessedDocument> documents, bool indented = true) =>
        JsonSerializer.Serialize(documents.ToList(), indented ? Indented.ListProcessedDocument : Compact.ListProcessedDocument);

    public static List<ProcessedDocument> DeserializeList(string json) =>
        JsonSerializer.Deserialize(json, Compact.ListProcessedDocument)
        ?? throw new JsonException("The document list is the JSON literal null.");

    public static ProcessedDocument Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Compact.ProcessedDocument)
        ?? throw new JsonException("The document is the JSON literal null.");

    public static ProcessedDocument Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Compact.ProcessedDocument)
        ?? throw new JsonException("The document is the JSON literal null.");

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Documents are data for programs, not HTML: keep "é" and "—" as they are instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };
}

[JsonSerializable(typeof(ProcessedDocument))]
[JsonSerializable(typeof(List<ProcessedDocument>))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
