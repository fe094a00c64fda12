namespace Ingest.Core.Cleaning;

/// <summary>
/// A plain-text article read line by line: the kind of every source line (so evaluation can compare
/// removed lines with hand-marked ones), the metadata found, and the clean text that remains with its word count
/// (<see cref="TextNormalizer.CountWords"/> of <see cref="Text"/>, summed from the lines already counted).
/// </summary>
public sealed record PlainTextAnalysis(IReadOnlyList<string> Lines, IReadOnlyList<LineKind> Kinds, ArticleMetadata Metadata, string Text, int WordCount);
