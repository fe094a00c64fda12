using System.IO.Compression;
using System.Text;
using Ingest.Core.Cleaning;
using Ingest.Core.Evaluation;
using Xunit;

namespace Ingest.Core.Tests.Evaluation;

public sealed class ExtractionEvaluatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("extraction-eval-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Scores_plain_and_wrapped_prediction_files_alike()
    {
        var truth = Write("ground-truth.json", """{"p1": {"articleBody": "one two three four five", "url": "u1"}, "p2": {"articleBody": "six seven eight nine", "url": "u2"}}""");
        var plain = Write("plain.json", """{"p1": {"articleBody": "one two three four five"}, "p2": {"articleBody": "six seven eight nine ten"}}""");
        var wrapped = Write("wrapped.json", """{"version": "1.0", "output": {"p1": {"articleBody": "one two three four five"}, "p2": {"articleBody": "six seven eight nine ten"}}}""");

        var fromPlain = ExtractionEvaluator.ScorePredictions(truth, plain);
        var fromWrapped = ExtractionEvaluator.ScorePredictions(truth, wrapped);

        // p1 exact (P 1, R 1); p2 adds one shingle "seven eight nine ten" (P 1/2, R 1).
        Assert.Equal(0.75, fromPlain.Precision, 12);
        Assert.Equal(1, fromPlain.Recall, 12);
        Assert.Equal(fromPlain, fromWrapped);
    }

    [Fact]
    public void A_page_missing_from_the_predictions_counts_as_an_empty_prediction()
    {
        var truth = Write("ground-truth.json", """{"p1": {"articleBody": "one two three four"}, "p2": {"articleBody": "five six seven eight"}}""");
        var predictions = Write("predictions.json", """{"p1": {"articleBody": "one two three four"}}""");

        var score = ExtractionEvaluator.ScorePredictions(truth, predictions);

        Assert.Equal(1, score.Precision, 12);
        Assert.Equal(0.5, score.Recall, 12);
    }

    [Fact]
    public void Evaluates_the_cleaner_over_gzipped_pages()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "html"));
        Write("ground-truth.json", """{"page": {"articleBody": "The orchard reopened on Monday after the storm, and growers said the harvest would be late but plentiful this year."}}""");
        WriteGzip("html/page.html.gz", """
            <html><head><title>Orchard reopens</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Orchard reopens</h1>
            <p>The orchard reopened on Monday after the storm, and growers said the harvest would be late but plentiful this year.</p>
            </article>
            <footer>All rights reserved, Example Gazette.</footer>
            </body></html>
            """);

        var score = ExtractionEvaluator.EvaluateCleaner(_directory, new ArticleCleaner());

        Assert.Equal(1, score.Pages);
        Assert.Equal(1, score.Precision, 12);
        Assert.Equal(1, score.Recall, 12);
        Assert.Equal(1, score.F1, 12);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private void WriteGzip(string name, string content)
    {
        using var file = File.Create(Path.Combine(_directory, name));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
    }
}
