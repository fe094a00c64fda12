namespace Ingest.Core.Decoding;

/// <summary>
/// The outcome of turning raw bytes into text: either the text and the encoding it was read with, or a
/// rejection code from <see cref="Articles.RejectionCodes"/> with a message saying why.
/// </summary>
public sealed record DecodedText
{
    public string? Text { get; private init; }
    /// <summary>A short encoding name such as <c>utf-8</c>, <c>utf-16le</c> or <c>windows-1252</c>.</summary>
    public string? EncodingName { get; private init; }
    /// <summary>True when UTF-8-read-as-Windows-1252 sequences were found and repaired.</summary>
    public bool MojibakeRepaired { get; private init; }
    public string? RejectionCode { get; private init; }
    public string? RejectionMessage { get; private init; }

    public bool IsRejected => RejectionCode is not null;

    public static DecodedText Success(string text, string encodingName, bool mojibakeRepaired = false) =>
        new() { Text = text, EncodingName = encodingName, MojibakeRepaired = mojibakeRepaired };

    public static DecodedText Rejected(string code, string message) =>
        new() { RejectionCode = code, RejectionMessage = message };
}
