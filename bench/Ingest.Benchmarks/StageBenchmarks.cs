using BenchmarkDotNet.Attributes;
using Ingest.Core.Articles;
using Ingest.Core.Cleaning;
using Ingest.Core.Deduplication;
using Ingest.Core.Recognition.Offline;

namespace Ingest.Benchmarks;

/// <summary>
/// One operation = the whole corpus once, so the Mean is the time per corpus and <see cref="ThroughputColumn"/>
/// turns it into MB/s (or tokens/s) per core. Allocations are per corpus too.
/// </summary>
[MemoryDiagnoser]
public class CleanTextBenchmark
{
    private IReadOnlyList<byte[]> _articles = [];
    private readonly ArticleCleaner _cleaner = new();

    // Computed from the same inputs in whichever process asks: BenchmarkDotNet measures in a child process.
    private static readonly Lazy<long> Bytes = new(() => BenchmarkInputs.TextArticles().Sum(a => (long)a.Length));
    public static long CorpusBytes => Bytes.Value;

    [GlobalSetup]
    public void Setup() => _articles = BenchmarkInputs.TextArticles();

    [Benchmark(Description = "decode + clean text articles")]
    public int CleanText()
    {
        var words = 0;
        foreach (var article in _articles)
        {
            words += _cleaner.Clean(new CleaningInput(article, "article.txt", "text/plain")).Article?.WordCount ?? 0;
        }
        return words;
    }
}

[MemoryDiagnoser]
public class CleanHtmlBenchmark
{
    private IReadOnlyList<byte[]> _pages = [];
    private readonly ArticleCleaner _cleaner = new();

    private static readonly Lazy<long> Bytes = new(() => BenchmarkInputs.HtmlPages().Sum(p => (long)p.Length));
    public static long CorpusBytes => Bytes.Value;

    [GlobalSetup]
    public void Setup() => _pages = BenchmarkInputs.HtmlPages();

    [Benchmark(Description = "decode + extract HTML pages")]
    public int CleanHtml()
    {
        var words = 0;
        foreach (var page in _pages)
        {
            words += _cleaner.Clean(new CleaningInput(page, "page.html", "text/html")).Article?.WordCount ?? 0;
        }
        return words;
    }
}

[MemoryDiagnoser]
public class RecognizeBenchmark
{
    private IReadOnlyList<string> _texts = [];
    private OfflineEntityRecognizer _recognizer = null!;

    private static readonly Lazy<IReadOnlyList<string>> Texts = new(() =>
    {
        var cleaner = new ArticleCleaner();
        return BenchmarkInputs.TextArticles()
            .Select(a => cleaner.Clean(new CleaningInput(a, "a.txt", "text/plain")).Article?.Text)
            .OfType<string>()
            .ToList();
    });

    public static long CorpusBytes => Texts.Value.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
    /// <summary>Whitespace-separated words, the unit "tokens/s" is quoted in elsewhere (spaCy's words/s).</summary>
    public static long CorpusTokens => Texts.Value.Sum(t => (long)t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);

    [GlobalSetup]
    public void Setup()
    {
        _texts = Texts.Value;
        _recognizer = new OfflineEntityRecognizer();
        _ = _recognizer.Model; // load outside the measurement; load time is measured separately
    }

    [Benchmark(Description = "offline NER (tagger + rules)")]
    public int Recognize()
    {
        var mentions = 0;
        foreach (var text in _texts)
        {
            mentions += _recognizer.RecognizeAsync(text, "en", CancellationToken.None).GetAwaiter().GetResult().Entities.Count;
        }
        return mentions;
    }
}

[MemoryDiagnoser]
public class ModelLoadBenchmark
{
    [Benchmark(Description = "offline NER model load (embedded, gzip)")]
    public object LoadModel() => OfflineEntityRecognizer.LoadEmbeddedModel();
}

[MemoryDiagnoser]
public class DocumentBenchmark
{
    private IReadOnlyList<ProcessedDocument> _documents = [];

    private static readonly Lazy<IReadOnlyList<ProcessedDocument>> Documents = new(Build);
    public static long CorpusBytes => Documents.Value.Sum(d => (long)DocumentJson.SerializeToUtf8(d).Length);

    [GlobalSetup]
    public void Setup() => _documents = Documents.Value;

    private static IReadOnlyList<ProcessedDocument> Build()
    {
        var cleaner = new ArticleCleaner();
        var recognizer = new OfflineEntityRecognizer();
        return BenchmarkInputs.TextArticles().Select((bytes, i) =>
        {
            var article = cleaner.Clean(new CleaningInput(bytes, "a.txt", "text/plain")).Article!;
            var entities = recognizer.RecognizeAsync(article.Text, "en", CancellationToken.None).GetAwaiter().GetResult().Entities;
            return new ProcessedDocument
            {
                Id = ArticleId.ForBlob("incoming", $"a{i}.txt", "1"),
                Status = ArticleStatus.Processed,
                Source = new SourceInfo { Container = "incoming", Name = $"a{i}.txt", SizeBytes = bytes.Length },
                Article = article,
                Dedup = new DedupInfo { ContentHash = ContentHash.Compute(article.Text) },
                Entities = entities,
                ProcessedAt = DateTimeOffset.UnixEpoch,
            };
        }).ToList();
    }

    [Benchmark(Description = "serialize v1 documents (UTF-8 JSON)")]
    public long Serialize()
    {
        long bytes = 0;
        foreach (var document in _documents)
        {
            bytes += DocumentJson.SerializeToUtf8(document).Length;
        }
        return bytes;
    }

    [Benchmark(Description = "exact-dedup hash + in-memory claim")]
    public int HashAndClaim()
    {
        var index = new InMemoryDuplicateIndex();
        var canonical = 0;
        foreach (var document in _documents)
        {
            var claim = index.ClaimExactAsync(ContentHash.Compute(document.Article!.Text), document.Id, CancellationToken.None).GetAwaiter().GetResult();
            canonical += claim.IsCanonical ? 1 : 0;
        }
        return canonical;
    }
}
