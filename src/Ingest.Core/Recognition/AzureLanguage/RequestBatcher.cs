using System.Text.Json;

namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>
/// Packs documents, in order, into <c>analyze-text</c> request bodies that keep both the service's document
/// count and its request byte limit. Sizes are measured on the exact bytes that will be sent, so the limit
/// holds whatever the text's script or escaping.
/// </summary>
internal static class RequestBatcher
{
    /// <summary>
    /// The most UTF-16 units one document may hold so that it fits a request of <paramref name="maxRequestBytes"/>
    /// on its own: the envelope and one document's fields, then 6 bytes a unit, the cost of a <c>\uXXXX</c> escape
    /// (the worst case: a lone surrogate or a character the encoder always escapes).
    /// </summary>
    public static int MaxUtf16UnitsPerDocument(int maxRequestBytes, string modelVersion, string language)
    {
        // Document ids are chunk indexes; int.MaxValue is the longest one possible.
        var emptyDocument = new AnalysisDocument(int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), language, string.Empty);
        var overhead = Serialize(CreateRequest(modelVersion, [emptyDocument])).Length;
        return Math.Max(1, (maxRequestBytes - overhead) / 6);
    }

    public static IReadOnlyList<byte[]> Pack(IReadOnlyList<AnalysisDocument> documents, string modelVersion, int maxDocuments, int maxBytes)
    {
        var envelopeBytes = Serialize(CreateRequest(modelVersion, [])).Length;
        var bodies = new List<byte[]>();
        var batch = new List<AnalysisDocument>(maxDocuments);
        var batchBytes = envelopeBytes;

        foreach (var document in documents)
        {
            var documentBytes = JsonSerializer.SerializeToUtf8Bytes(document, AnalyzeTextContract.Json.AnalysisDocument).Length;
            var separatorBytes = batch.Count == 0 ? 0 : 1; // the comma between array items
            if (batch.Count > 0 && (batch.Count == maxDocuments || batchBytes + separatorBytes + documentBytes > maxBytes))
            {
                bodies.Add(Seal(batch, modelVersion, maxBytes));
                batch.Clear();
                batchBytes = envelopeBytes;
                separatorBytes = 0;
            }
            batch.Add(document);
            batchBytes += separatorBytes + documentBytes;
        }
        if (batch.Count > 0)
        {
            bodies.Add(Seal(batch, modelVersion, maxBytes));
        }
        return bodies;
    }

    private static byte[] Seal(List<AnalysisDocument> batch, string modelVersion, int maxBytes)
    {
        var body = Serialize(CreateRequest(modelVersion, [.. batch]));
        // The chunker sizes documents so this cannot happen; sending it would only earn a 413 from the service.
        if (body.Length > maxBytes)
        {
            throw new InvalidOperationException(
                $"An analyze-text request of {batch.Count} document(s) is {body.Length} bytes, over the {maxBytes}-byte limit.");
        }
        return body;
    }

    private static AnalyzeTextRequest CreateRequest(string modelVersion, IReadOnlyList<AnalysisDocument> documents) =>
        new(AnalyzeTextContract.EntityRecognitionKind,
            new EntityRecognitionParameters(modelVersion, AnalyzeTextContract.Utf16CodeUnit),
            new AnalysisInput(documents));

    private static byte[] Serialize(AnalyzeTextRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(request, AnalyzeTextContract.Json.AnalyzeTextRequest);
}
