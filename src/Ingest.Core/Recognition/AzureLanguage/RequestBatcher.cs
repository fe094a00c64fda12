using System.Globalization;
using System.Text.Json;

namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>
/// Packs documents, in order, into <c>analyze-text</c> request bodies that keep both the document count and the
/// request byte limit of <see cref="AzureLanguageOptions"/>. Sizes are measured on the exact bytes that will be
/// sent, so the limit holds whatever the text's script or escaping.
/// </summary>
internal static class RequestBatcher
{
    /// <summary>
    /// The most UTF-16 units one document may hold so that it fits a request on its own: the envelope and one
    /// document's fields, then 6 bytes a unit, the cost of a <c>\uXXXX</c> escape (the worst case: a lone
    /// surrogate or a character the encoder always escapes).
    /// </summary>
    public static int MaxUtf16UnitsPerDocument(AzureLanguageOptions options, string language)
    {
        // Document ids are chunk indexes; int.MaxValue is the longest one possible.
        var emptyDocument = new AnalysisDocument(int.MaxValue.ToString(CultureInfo.InvariantCulture), language, string.Empty);
        var overhead = Serialize(CreateRequest(options, [emptyDocument])).Length;
        return Math.Max(1, (options.MaxRequestBytes - overhead) / 6);
    }

    public static IReadOnlyList<byte[]> Pack(IReadOnlyList<AnalysisDocument> documents, AzureLanguageOptions options)
    {
        var envelopeBytes = Serialize(CreateRequest(options, [])).Length;
        var bodies = new List<byte[]>();
        var batch = new List<AnalysisDocument>(options.MaxDocumentsPerRequest);
        var batchBytes = envelopeBytes;

        foreach (var document in documents)
        {
            var documentBytes = JsonSerializer.SerializeToUtf8Bytes(document, AnalyzeTextContract.Json.AnalysisDocument).Length;
            var separatorBytes = batch.Count == 0 ? 0 : 1; // the comma between array items
            if (batch.Count > 0
                && (batch.Count == options.MaxDocumentsPerRequest || batchBytes + separatorBytes + documentBytes > options.MaxRequestBytes))
            {
                bodies.Add(Seal(batch, options));
                batch.Clear();
                batchBytes = envelopeBytes;
                separatorBytes = 0;
            }
            batch.Add(document);
            batchBytes += separatorBytes + documentBytes;
        }
        if (batch.Count > 0)
        {
            bodies.Add(Seal(batch, options));
        }
        return bodies;
    }

    private static byte[] Seal(List<AnalysisDocument> batch, AzureLanguageOptions options)
    {
        var body = Serialize(CreateRequest(options, [.. batch]));
        // The chunker sizes documents so this cannot happen; sending it would only earn a 413 from the service.
        if (body.Length > options.MaxRequestBytes)
        {
            throw new InvalidOperationException(
                $"An analyze-text request of {batch.Count} document(s) is {body.Length} bytes, over the {options.MaxRequestBytes}-byte limit.");
        }
        return body;
    }

    private static AnalyzeTextRequest CreateRequest(AzureLanguageOptions options, IReadOnlyList<AnalysisDocument> documents) =>
        new(AnalyzeTextContract.EntityRecognitionKind,
            new EntityRecognitionParameters(options.ModelVersion, AnalyzeTextContract.Utf16CodeUnit, options.DisableServiceLogs),
            new AnalysisInput(documents));

    private static byte[] Serialize(AnalyzeTextRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(request, AnalyzeTextContract.Json.AnalyzeTextRequest);
}
