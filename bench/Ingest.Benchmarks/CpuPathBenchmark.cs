using BenchmarkDotNet.Attributes;
using Ingest.Core.Articles;
using Ingest.Core.Cleaning;
using Ingest.Core.Configuration;
using Ingest.Core.Deduplication;
using Ingest.Core.Pipeline;
using Ingest.Core.Recognition.Offline;
using Ingest.Core.Recognition.Offline.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.Benchmarks;

/// <summary>
/// The CPU path of one article with no storage: decode + clean, dedup (content hash, exact claim, MinHash signature,
/// LSH lookup in the in-memory index) and offline NER, on 600-word articles. The target is ≤ 2 ms per article.
/// Each benchmark method handles <see cref="Articles"/> articles and declares them as operations, so Mean and Allocated
/// are per article. The stage methods give the split; "CPU path" runs the real <see cref="InProcessChain"/> (the same steps
/// <c>ingest process</c> runs) and so includes the glue between stages.
/// </summary>
/// <remarks>
/// Every iteration starts from fresh indexes (otherwise the second pass would find each article an exact duplicate and
/// skip the rest of the path), which needs an iteration setup, hence one invocation of 40 articles per iteration. The near
/// index of the dedup benchmark is first filled with <see cref="IndexedArticles"/> unrelated signatures, so its lookups
/// run against an index of realistic size.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
[WarmupCount(3)]
[IterationCount(25)]
public class CpuPathBenchmark
{
    public const int Articles = 40;
    public const int Words = 600;
    private const int IndexedArticles = 10_000;

    private IReadOnlyList<byte[]> _inputs = [];
    private IReadOnlyList<string> _texts = [];
    private readonly ArticleCleaner _cleaner = new();
    private OfflineEntityRecognizer _recognizer = null!;
    private ServiceProvider _services = null!;
    private NearDuplicateOptions _nearOptions = new();
    private InProcessChain _chain = null!;
    private InMemoryDuplicateIndex _exactIndex = null!;
    private NearDuplicateDetector _nearDetector = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = BenchmarkInputs.TextArticlesOfWords(Words, Articles);
        if (_inputs.Count < Articles)
        {
            throw new InvalidOperationException($"Only {_inputs.Count} benchmark bodies have {Words} words; the benchmark needs {Articles}.");
        }
        _texts = _inputs.Select(a => _cleaner.Clean(new CleaningInput(a, "a.txt", "text/plain")).Article!.Text).ToList();
        _recognizer = new OfflineEntityRecognizer();
        _ = _recognizer.Model; // model load is measured by ModelLoadBenchmark, not here
        _services = new ServiceCollection().AddLogging().AddIngestProcessing(new ConfigurationBuilder().Build()).BuildServiceProvider();
        _nearOptions = _services.GetRequiredService<IOptions<NearDuplicateOptions>>().Value;
        // Load the chain's own recognizer model outside the measurement too.
        _ = _services.GetRequiredService<InProcessChain>().ProcessAsync(Source(0), CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [IterationSetup]
    public void FreshIndexes()
    {
        _chain = _services.GetRequiredService<InProcessChain>(); // transient: a fresh in-memory index each time
        _exactIndex = new InMemoryDuplicateIndex();
        var nearIndex = new InMemoryNearDuplicateIndex(_nearOptions, TimeProvider.System);
        var random = new Random(17);
        for (var i = 0; i < IndexedArticles; i++)
        {
            var values = new uint[_nearOptions.Bands * _nearOptions.RowsPerBand];
            for (var v = 0; v < values.Length; v++)
            {
                values[v] = (uint)random.NextInt64(uint.MaxValue);
            }
            _ = nearIndex.ClaimAsync($"indexed-{i}", new MinHashSignature(values), CancellationToken.None).GetAwaiter().GetResult();
        }
        _nearDetector = new NearDuplicateDetector(nearIndex, Options.Create(_nearOptions));
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "1 clean: decode + clean a 600-word text article")]
    public int Clean()
    {
        var words = 0;
        foreach (var input in _inputs)
        {
            words += _cleaner.Clean(new CleaningInput(input, "a.txt", "text/plain")).Article?.WordCount ?? 0;
        }
        return words;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "2 dedup: hash + exact claim + MinHash + LSH lookup (10,000 indexed)")]
    public int Deduplicate()
    {
        var canonical = 0;
        for (var i = 0; i < _texts.Count; i++)
        {
            var id = $"article-{i}";
            var claim = _exactIndex.ClaimExactAsync(ContentHash.Compute(_texts[i]), id, CancellationToken.None).GetAwaiter().GetResult();
            if (claim.IsCanonical && _nearDetector.CheckAsync(id, _texts[i], CancellationToken.None).GetAwaiter().GetResult().IsCanonical)
            {
                canonical++;
            }
        }
        return canonical;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "3 NER: offline recognizer on the cleaned text")]
    public int Recognize()
    {
        var mentions = 0;
        foreach (var text in _texts)
        {
            mentions += _recognizer.RecognizeAsync(text, "en", CancellationToken.None).GetAwaiter().GetResult().Entities.Count;
        }
        return mentions;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "3a NER part: tagger alone (tokenize, features, decode)")]
    public int Tag()
    {
        var mentions = 0;
        foreach (var text in _texts)
        {
            mentions += _recognizer.Tag(text).Count;
        }
        return mentions;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "3b NER part: pattern rules alone (dates, quantities, URLs…)")]
    public int Patterns()
    {
        var mentions = 0;
        foreach (var text in _texts)
        {
            mentions += PatternEntityRecognizer.Recognize(text).Count;
        }
        return mentions;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "CPU path: clean + dedup + NER (InProcessChain)")]
    public int CpuPath()
    {
        var processed = 0;
        for (var i = 0; i < _inputs.Count; i++)
        {
            var document = _chain.ProcessAsync(Source(i), CancellationToken.None).GetAwaiter().GetResult();
            processed += document.Status == ArticleStatus.Processed ? 1 : 0;
        }
        return processed;
    }

    private SourceRead Source(int index) => SourceRead.Found(
        new SourceInfo { Container = "local", Name = $"article-{index}.txt", SizeBytes = _inputs[index].Length, ReceivedAt = DateTimeOffset.UnixEpoch },
        _inputs[index]);
}
