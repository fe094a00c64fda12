using Ingest.Core.Cleaning;

namespace Ingest.Core.Evaluation;

/// <summary>One fixture article's expected cleaning result, read from its <c>.expected</c> file.</summary>
public sealed record BoilerplateExpectation(
    string Title,
    IReadOnlyList<string> Byline,
    string? PublishedAt,
    string? Dateline,
    string? Outlet,
    string? Language,
    IReadOnlySet<string> BoilerplateLines)
{
    /// <summary>How the cleaned text must begin (optional): shows that a dateline was taken out of the text, or that an opening was left alone.</summary>
    public string? TextStart { get; init; }

    /// <summary>Parses the format documented in the fixture folder's README.md.</summary>
    public static BoilerplateExpectation Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var boilerplate = new HashSet<string>(StringComparer.Ordinal);
        var inBoilerplate = false;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (inBoilerplate)
            {
                if (raw.Trim().Length > 0)
                {
                    boilerplate.Add(raw.Trim());
                }
                continue;
            }
            if (raw.Trim() == "boilerplate:")
            {
                inBoilerplate = true;
                continue;
            }
            var colon = raw.IndexOf(':');
            if (colon > 0)
            {
                fields[raw[..colon].Trim()] = raw[(colon + 1)..].Trim();
            }
        }
        string? Optional(string key) => fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        var byline = Optional("byline")?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        return new BoilerplateExpectation(
            fields.GetValueOrDefault("title") ?? throw new FormatException("The expectation has no title."),
            byline, Optional("publishedAt"), Optional("dateline"), Optional("outlet"), Optional("language"), boilerplate)
        {
            TextStart = Optional("textStart"),
        };
    }
}

/// <summary>Line-level counts for one fixture article, with a description of each wrongly classified line and each metadata field that differs.</summary>
public sealed record BoilerplateArticleResult(
    string Name, int TruePositives, int FalsePositives, int FalseNegatives,
    IReadOnlyList<string> LineErrors, IReadOnlyList<string> MetadataErrors);

/// <summary>Scores over a fixture set; <see cref="Articles"/> has the per-article detail for diagnosing misses.</summary>
public sealed record BoilerplateScore(double Precision, double Recall, int MetadataMismatches, IReadOnlyList<BoilerplateArticleResult> Articles);

/// <summary>
/// Measures the plain-text cleaner against hand-marked articles: which lines it removes as boilerplate
/// (precision and recall, micro-averaged over all lines of all articles) and whether it reads the title,
/// byline, date, dateline, outlet and language exactly. Fixture format: see the fixture folder's README.md.
/// </summary>
public static class BoilerplateEvaluator
{
    public static BoilerplateScore Evaluate(string fixtureDirectory)
    {
        var results = Directory.GetFiles(fixtureDirectory, "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => EvaluateArticle(
                Path.GetFileNameWithoutExtension(path),
                File.ReadAllText(path),
                BoilerplateExpectation.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected")))))
            .ToArray();
        var truePositives = results.Sum(r => r.TruePositives);
        var removed = truePositives + results.Sum(r => r.FalsePositives);
        var expected = truePositives + results.Sum(r => r.FalseNegatives);
        // With nothing removed and nothing expected, the cleaner made no mistake: both scores are 1.
        var precision = removed == 0 ? 1 : (double)truePositives / removed;
        var recall = expected == 0 ? 1 : (double)truePositives / expected;
        return new BoilerplateScore(precision, recall, results.Sum(r => r.MetadataErrors.Count), results);
    }

    public static BoilerplateArticleResult EvaluateArticle(string name, string articleText, BoilerplateExpectation expected)
    {
        var cleaned = new ArticleCleaner().CleanText(articleText, ArticleFormat.PlainText);
        var analysis = PlainTextArticleParser.Analyze(TextNormalizer.NormalizeLines(articleText));
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var lineErrors = new List<string>();
        var metadataErrors = new List<string>();
        for (var i = 0; i < analysis.Lines.Count; i++)
        {
            var kind = analysis.Kinds[i];
            if (kind is LineKind.Blank or LineKind.Title)
            {
                continue;
            }
            var shouldRemove = expected.BoilerplateLines.Contains(analysis.Lines[i]);
            var removed = kind.IsBoilerplate();
            if (removed && shouldRemove)
            {
                truePositives++;
            }
            else if (removed)
            {
                falsePositives++;
                lineErrors.Add($"removed as {kind} but is article text: \"{analysis.Lines[i]}\"");
            }
            else if (shouldRemove)
            {
                falseNegatives++;
                lineErrors.Add($"kept but is boilerplate: \"{analysis.Lines[i]}\"");
            }
        }
        var article = cleaned.Article;
        Compare("title", expected.Title, article?.Title);
        Compare("byline", string.Join("; ", expected.Byline), article is null ? null : string.Join("; ", article.Byline));
        Compare("publishedAt", expected.PublishedAt, article?.PublishedAt);
        Compare("dateline", expected.Dateline, article?.Dateline);
        Compare("outlet", expected.Outlet, article?.Outlet);
        Compare("language", expected.Language, article?.Language);
        if (expected.TextStart is not null && article?.Text.StartsWith(expected.TextStart, StringComparison.Ordinal) != true)
        {
            metadataErrors.Add($"textStart: expected the text to begin \"{expected.TextStart}\", got \"{article?.Text[..Math.Min(article.Text.Length, expected.TextStart.Length + 20)]}\"");
        }
        return new BoilerplateArticleResult(name, truePositives, falsePositives, falseNegatives, lineErrors, metadataErrors);

        void Compare(string field, string? want, string? got)
        {
            if (!string.Equals(want ?? "", got ?? "", StringComparison.Ordinal))
            {
                metadataErrors.Add($"{field}: expected \"{want}\", got \"{got}\"");
            }
        }
    }
}
