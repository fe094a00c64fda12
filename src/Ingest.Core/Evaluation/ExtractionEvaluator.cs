using System.IO.Compression;
using System.Text.Json;
using Ingest.Core.Cleaning;

namespace Ingest.Core.Evaluation;

/// <summary>Averaged scores over a benchmark; <see cref="Pages"/> is the number of ground-truth pages scored.</summary>
public sealed record ExtractionScore(double Precision, double Recall, double F1, int Pages)
{
    /// <summary>
    /// Precision is averaged over pages that predicted at least one shingle, recall over pages whose truth
    /// has at least one (so an empty prediction lowers recall, not precision, and a page empty on both sides
    /// counts for neither). F1 is the harmonic mean of the two averages, not an average of per-page F1s.
    /// </summary>
    public static ExtractionScore FromPages(IReadOnlyCollection<ShingleCounts> pages)
    {
        var predicted = pages.Where(p => p.HasPrediction).ToArray();
        var expected = pages.Where(p => p.HasTruth).ToArray();
        var precision = predicted.Length == 0 ? 0 : predicted.Average(p => p.Precision);
        var recall = expected.Length == 0 ? 0 : expected.Average(p => p.Recall);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ExtractionScore(precision, recall, f1, pages.Count);
    }
}

/// <summary>One page of a benchmark run, for finding where an extractor goes wrong.</summary>
public sealed record PageResult(string Id, ShingleCounts Counts, string Prediction);

/// <summary>
/// Scores article extraction the way the article-extraction benchmark does (<see cref="ShingleMatcher"/>):
/// either our own cleaner run over the benchmark's pages, or another tool's prediction file.
/// Benchmark layout: <c>html/&lt;id&gt;.html.gz</c> and <c>ground-truth.json</c> (<c>{id: {articleBody, url}}</c>).
/// </summary>
public static class ExtractionEvaluator
{
    /// <summary>Runs <paramref name="cleaner"/> on every page of the benchmark in <paramref name="benchmarkDirectory"/> and scores its text.</summary>
    public static ExtractionScore EvaluateCleaner(string benchmarkDirectory, IArticleCleaner cleaner) =>
        ExtractionScore.FromPages(RunCleaner(benchmarkDirectory, cleaner).Select(p => p.Counts).ToArray());

    /// <summary>Page-by-page results of <see cref="EvaluateCleaner"/>, in id order.</summary>
    public static IReadOnlyList<PageResult> RunCleaner(string benchmarkDirectory, IArticleCleaner cleaner)
    {
        var truth = LoadArticleBodies(Path.Combine(benchmarkDirectory, "ground-truth.json"));
        var results = new PageResult[truth.Count];
        var ids = truth.Keys.Order(StringComparer.Ordinal).ToArray();
        Parallel.For(0, ids.Length, i =>
        {
            var id = ids[i];
            var path = Path.Combine(benchmarkDirectory, "html", id + ".html.gz");
            var prediction = File.Exists(path) ? CleanPage(cleaner, id, ReadGzip(path)) : "";
            results[i] = new PageResult(id, ShingleMatcher.Compare(truth[id], prediction), prediction);
        });
        return results;
    }

    /// <summary>
    /// Scores a prediction file (<c>{id: {articleBody}}</c>, or the same wrapped as <c>{"version": …, "output": {…}}</c>)
    /// against the ground truth. An id missing from the predictions counts as an empty prediction.
    /// </summary>
    public static ExtractionScore ScorePredictions(string groundTruthPath, string predictionsPath)
    {
        var truth = LoadArticleBodies(groundTruthPath);
        var predictions = LoadArticleBodies(predictionsPath);
        var pages = truth.Select(t => ShingleMatcher.Compare(t.Value, predictions.GetValueOrDefault(t.Key, ""))).ToArray();
        return ExtractionScore.FromPages(pages);
    }

    /// <summary>Reads <c>{id: {"articleBody": text}}</c>, unwrapping an <c>"output"</c> wrapper when present.</summary>
    public static Dictionary<string, string> LoadArticleBodies(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        if (root.TryGetProperty("output", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
        {
            root = wrapped;
        }
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in root.EnumerateObject())
        {
            if (page.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var body = page.Value.TryGetProperty("articleBody", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : "";
            bodies[page.Name] = body;
        }
        return bodies;
    }

    private static string CleanPage(IArticleCleaner cleaner, string id, byte[] html)
    {
        var result = cleaner.Clean(new CleaningInput(html, id + ".html", "text/html"));
        return result.Article?.Text ?? "";
    }

    private static byte[] ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
