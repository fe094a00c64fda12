using Ingest.Core.Articles;

namespace Ingest.Core.Cleaning;

/// <summary>What the clean stage is given: the raw bytes of one input file and what storage says about it.</summary>
/// <param name="Content">The whole file; the caller has already enforced the size limit.</param>
/// <param name="Name">Blob or file name; its extension hints at the format (.txt, .html, .json, .md).</param>
/// <param name="ContentType">The stored content type, if any; a second hint, never trusted alone.</param>
public sealed record CleaningInput(ReadOnlyMemory<byte> Content, string Name, string? ContentType);

/// <summary>Either clean article content or a rejection with a reason code. Never both, never neither.</summary>
public sealed record CleaningResult
{
    public ArticleContent? Article { get; private init; }
    public RejectionInfo? Rejection { get; private init; }

    public bool IsRejected => Rejection is not null;

    public static CleaningResult Cleaned(ArticleContent article) => new() { Article = article };

    public static CleaningResult Rejected(string code, string message) =>
        new() { Rejection = new RejectionInfo { Code = code, Message = message } };
}

/// <summary>
/// Turns any supported input file into clean text plus metadata. Pure CPU work: deterministic for the
/// same bytes, so a rejection can be recorded at once and never needs a retry.
/// </summary>
public interface IArticleCleaner
{
    CleaningResult Clean(CleaningInput input);
}
