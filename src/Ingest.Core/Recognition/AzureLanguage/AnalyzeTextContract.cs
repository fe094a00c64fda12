using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Ingest.Core.Recognition.AzureLanguage;

// The slice of the documented `POST {endpoint}/language/:analyze-text` contract (api-version 2024-11-01,
// kind EntityRecognition) this client uses. Fields the client does not read are left out and ignored on input.

internal sealed record AnalyzeTextRequest(string Kind, EntityRecognitionParameters Parameters, AnalysisInput AnalysisInput);

internal sealed record EntityRecognitionParameters(string ModelVersion, string StringIndexType, bool LoggingOptOut);

internal sealed record AnalysisInput(IReadOnlyList<AnalysisDocument> Documents);

internal sealed record AnalysisDocument(string Id, string Language, string Text);

internal sealed record AnalyzeTextResponse(string? Kind, EntityRecognitionResults? Results);

internal sealed record EntityRecognitionResults(
    IReadOnlyList<DocumentEntities>? Documents,
    IReadOnlyList<DocumentError>? Errors,
    string? ModelVersion);

internal sealed record DocumentEntities(string Id, IReadOnlyList<RecognizedEntity>? Entities, IReadOnlyList<DocumentWarning>? Warnings);

// No `text`: the mention's text is cut from the article at the returned offsets, which are what consumers rely on.
internal sealed record RecognizedEntity(string? Category, string? Subcategory, int Offset, int Length, double ConfidenceScore);

internal sealed record DocumentWarning(string? Code, string? Message);

internal sealed record DocumentError(string Id, ServiceError? Error);

/// <summary>The service's error object, both in <c>results.errors[].error</c> and in the <c>{ "error": … }</c> envelope of a failed request.</summary>
internal sealed record ServiceError(string? Code, string? Message, ServiceError? Innererror);

internal sealed record ErrorEnvelope(ServiceError? Error);

internal static class AnalyzeTextContract
{
    public const string EntityRecognitionKind = "EntityRecognition";
    public const string Utf16CodeUnit = "Utf16CodeUnit";

    /// <summary>
    /// camelCase like the service; non-ASCII text left unescaped so a document in Greek or Chinese costs
    /// 2-3 bytes a character against the request-size limit instead of 6 for a <c>\uXXXX</c> escape.
    /// </summary>
    public static readonly AnalyzeTextJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}

[JsonSerializable(typeof(AnalyzeTextRequest))]
[JsonSerializable(typeof(AnalysisDocument))]
[JsonSerializable(typeof(AnalyzeTextResponse))]
[JsonSerializable(typeof(ErrorEnvelope))]
internal sealed partial class AnalyzeTextJsonContext : JsonSerializerContext;
