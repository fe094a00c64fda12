namespace Ingest.Core.Cleaning;

/// <summary>What a line of a plain-text article turned out to be. Everything except <see cref="Body"/>, <see cref="Title"/> and <see cref="Blank"/> is boilerplate and is left out of the text.</summary>
public enum LineKind
{
    Blank,
    Title,
    Body,
    Byline,
    /// <summary>The author's name on its own line next to the byline, as bylines with an author card print it.</summary>
    AuthorName,
    PublishedDate,
    PhotoCaption,
    Newsletter,
    PrivacyNotice,
    ShareOrFollow,
    /// <summary>"From The X" and "originally published by X" lines naming where the story comes from.</summary>
    SourceLine,
    Contributors,
    /// <summary>A header or site name that repeats, or the title repeated below itself.</summary>
    RepeatedHeader,
    Advertisement,
    RelatedLink,
    Copyright,
}

public static class LineKindExtensions
{
    public static bool IsBoilerplate(this LineKind kind) => kind is not (LineKind.Blank or LineKind.Title or LineKind.Body);
}
