using System.Globalization;

namespace Ingest.Core.Articles;

/// <summary>
/// Reason codes for <c>rejected</c> records. Each one names deterministic bad input: retrying it would
/// give the same answer, so these are recorded at once instead of being retried into a poison queue.
/// </summary>
public static class RejectionCodes
{
    /// <summary>The file has no bytes, or only whitespace once decoded.</summary>
    public const string Empty = "empty";
    /// <summary>The bytes are not text (images, archives, executables, random bytes).</summary>
    public const string Binary = "binary";
    /// <summary>The bytes could not be decoded as text in any supported encoding.</summary>
    public const string Undecodable = "undecodable";
    /// <summary>The blob is larger than the configured limit; decided from its properties without reading it.</summary>
    public const string TooLarge = "too-large";
    /// <summary>The content parsed, but no article text was left after cleaning.</summary>
    public const string NoText = "no-text";
    /// <summary>A structured format (JSON) could not be parsed or has the wrong shape.</summary>
    public const string Malformed = "malformed";
    /// <summary>The blob was deleted before the pipeline could read it.</summary>
    public const string SourceDeleted = "source-deleted";
    /// <summary>The blob was overwritten before this version could be read; the new version is its own record.</summary>
    public const string SourceReplaced = "source-replaced";
    /// <summary>The input is structured so pathologically (HTML nested thousands of levels deep) that parsing it would exhaust the worker.</summary>
    public const string TooComplex = "too-complex";
    /// <summary>The cleaner failed on this input; cleaning is deterministic, so a retry would fail the same way.</summary>
    public const string Unprocessable = "unprocessable";

    /// <summary>
    /// The <see cref="TooLarge"/> message, the same for blobs and local files. Invariant culture: messages are stored
    /// in the record for consumers, not formatted for the host's locale.
    /// </summary>
    public static string TooLargeMessage(long sizeBytes, long limitBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"The file is {sizeBytes:N0} bytes; the limit is {limitBytes:N0} bytes (Ingest:MaxInputBytes).");
}
