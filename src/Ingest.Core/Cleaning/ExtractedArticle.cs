namespace Ingest.Core.Cleaning;

/// <summary>What a format reader hands back: the article body text (paragraphs separated by blank lines) and metadata, or a rejection.</summary>
internal sealed record ExtractedArticle
{
    public ArticleMetadata Metadata { get; private init; } = new();
    public string Text { get; private init; } = "";
    /// <summary>A language the source declares (HTML lang, a JSON field); detection is used when it is missing.</summary>
    public string? DeclaredLanguage { get; private init; }
    /// <summary>The word count of <see cref="Text"/> when the reader already has it (the plain-text parser counts every line); null otherwise.</summary>
    public int? WordCount { get; private init; }
    public string? RejectionCode { get; private init; }
    public string? RejectionMessage { get; private init; }

    public static ExtractedArticle Success(ArticleMetadata metadata, string text, string? declaredLanguage = null, int? wordCount = null) =>
        new() { Metadata = metadata, Text = text, DeclaredLanguage = declaredLanguage, WordCount = wordCount };

    public static ExtractedArticle Rejected(string code, string message) =>
        new() { RejectionCode = code, RejectionMessage = message };
}
