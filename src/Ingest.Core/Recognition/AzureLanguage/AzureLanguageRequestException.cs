namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>
/// Azure AI Language refused or failed a request, or rejected a document in it. Carries the service's own
/// error code (and inner error code, e.g. <c>InvalidArgument</c> / <c>InvalidDocument</c>) so the failure
/// recorded for the article says what the service said. Never contains article text or credentials.
/// </summary>
public sealed class AzureLanguageRequestException : Exception
{
    public AzureLanguageRequestException(int status, string? errorCode, string? innerErrorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        InnerErrorCode = innerErrorCode;
    }

    /// <summary>HTTP status of the response; 200 for a per-document error inside a successful response, 0 when no response arrived.</summary>
    public int Status { get; }

    /// <summary>The service's <c>error.code</c>, e.g. <c>InvalidRequest</c>, <c>429</c>; null when the service sent no error body.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's <c>error.innererror.code</c>, e.g. <c>InvalidDocument</c>, <c>UnsupportedLanguageCode</c>.</summary>
    public string? InnerErrorCode { get; }
}
