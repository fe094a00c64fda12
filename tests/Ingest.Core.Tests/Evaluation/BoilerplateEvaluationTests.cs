using Ingest.Core.Cleaning;
using Ingest.Core.Evaluation;
using Xunit;

namespace Ingest.Core.Tests.Evaluation;

public sealed class BoilerplateEvaluationTests
{
    private static readonly string FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "boilerplate");

    [Fact]
    public void Plain_text_cleaner_meets_the_boilerplate_targets_on_the_fixture_articles()
    {
        var score = BoilerplateEvaluator.Evaluate(FixtureDirectory);

        var errors = score.Articles.SelectMany(a => a.LineErrors.Concat(a.MetadataErrors).Select(e => $"{a.Name}: {e}"));
        Assert.True(score.Articles.Count >= 20, $"only {score.Articles.Count} fixture articles found in {FixtureDirectory}");
        Assert.True(score.Precision >= 0.98, $"precision {score.Precision:F3}\n{string.Join("\n", errors)}");
        Assert.True(score.Recall >= 0.98, $"recall {score.Recall:F3}\n{string.Join("\n", errors)}");
        Assert.True(score.MetadataMismatches == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_word_count_summed_from_lines_equals_a_count_of_the_cleaned_text()
    {
        var fixtures = Directory.GetFiles(FixtureDirectory, "*.txt");

        Assert.NotEmpty(fixtures);
        foreach (var path in fixtures)
        {
            var analysis = PlainTextArticleParser.Analyze(TextNormalizer.NormalizeLines(File.ReadAllText(path)));
            Assert.True(TextNormalizer.CountWords(analysis.Text) == analysis.WordCount, Path.GetFileName(path));
        }
    }

    [Fact]
    public void Counts_kept_boilerplate_and_removed_article_lines_as_errors()
    {
        var expectation = BoilerplateExpectation.Parse("""
            title: Title line
            byline: Ada Quill
            publishedAt:
            dateline:
            outlet:
            language:
            boilerplate:
            By Ada Quill
            Footer words nobody marks
            """);

        var result = BoilerplateEvaluator.EvaluateArticle("sample", "Title line\nBy Ada Quill\nFooter words nobody marks\nShare this article\nA body line.", expectation);

        // "By Ada Quill" removed and expected; the footer expected but kept; the share line removed but not expected.
        Assert.Equal(1, result.TruePositives);
        Assert.Equal(1, result.FalseNegatives);
        Assert.Equal(1, result.FalsePositives);
        Assert.Empty(result.MetadataErrors);
    }

    [Fact]
    public void Reports_metadata_that_differs()
    {
        var expectation = BoilerplateExpectation.Parse("title: Other title\nbyline:\npublishedAt: 2024-01-01\ndateline:\noutlet:\ntextStart: Another body\nlanguage:\nboilerplate:\n");

        var result = BoilerplateEvaluator.EvaluateArticle("sample", "Title line\nA body line.", expectation);

        Assert.Contains(result.MetadataErrors, e => e.StartsWith("title:"));
        Assert.Contains(result.MetadataErrors, e => e.StartsWith("publishedAt:"));
        Assert.Contains(result.MetadataErrors, e => e.StartsWith("textStart:"));
    }
}
