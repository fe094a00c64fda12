using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Ingest.Benchmarks;

/// <summary>
/// Realistic inputs: the extraction benchmark's 181 article bodies (as plain-text articles, title first) and its
/// HTML pages, read from the shared data folder beside the repository. Set INGEST_SHARED_DATA to point elsewhere.
/// </summary>
internal static class BenchmarkInputs
{
    private static readonly Lazy<string> DataRoot = new(FindDataRoot);

    public static string ExtractionBenchmark => Path.Combine(DataRoot.Value, "extraction-benchmark");

    /// <summary>The labelled NER corpora (wikigold, GMB, …).</summary>
    public static string NerCorpora => Path.Combine(DataRoot.Value, "ner");

    /// <summary>Article bodies as UTF-8 text files: "title\n\nbody", about 4.5 KB on average.</summary>
    public static IReadOnlyList<byte[]> TextArticles()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ExtractionBenchmark, "ground-truth.json")));
        return json.RootElement.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Value.GetProperty("articleBody").GetString() ?? "")
            .Where(body => body.Length > 200)
            .Select(body => Encoding.UTF8.GetBytes("Benchmark article headline\n\n" + body))
            .ToList();
    }

    /// <summary>
    /// Plain-text articles of exactly <paramref name="words"/> words: the first that many words of every body at least that
    /// long (paragraph breaks kept), title first. The CPU target is quoted per 600-word article.
    /// </summary>
    public static IReadOnlyList<byte[]> TextArticlesOfWords(int words, int count)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ExtractionBenchmark, "ground-truth.json")));
        return json.RootElement.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => FirstWords(p.Value.GetProperty("articleBody").GetString() ?? "", words))
            .OfType<string>()
            .Take(count)
            .Select(body => Encoding.UTF8.GetBytes("Benchmark article headline\n\n" + body))
            .ToList();
    }

    /// <summary>The text up to the end of its <paramref name="words"/>-th word, or null when it has fewer words.</summary>
    private static string? FirstWords(string text, int words)
    {
        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && ++seen == words)
            {
                return text[..(i + 1)];
            }
        }
        return null;
    }

    public static IReadOnlyList<byte[]> HtmlPages() =>
        Directory.GetFiles(Path.Combine(ExtractionBenchmark, "html"), "*.html.gz")
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                gzip.CopyTo(buffer);
                return buffer.ToArray();
            })
            .ToList();

    private static string FindDataRoot()
    {
        if (Environment.GetEnvironmentVariable("INGEST_SHARED_DATA") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "extraction-benchmark")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("Could not find shared/data beside the repository; set INGEST_SHARED_DATA.");
    }
}
