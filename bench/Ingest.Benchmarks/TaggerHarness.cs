using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ingest.Core.Cleaning;
using Ingest.Core.Recognition.Offline;
using Ingest.Core.Recognition.Offline.Training;

namespace Ingest.Benchmarks;

/// <summary>
/// Two tools for speeding up the offline tagger without changing what it says (issues 5 and 8).
/// <c>--tagger-spans FILE</c> writes every entity the recognizer finds in wikigold and the GMB test portion (the
/// documents as <c>ingest eval ner</c> renders them), one line each with offset, length, category and the
/// confidence's round-trip value: diff two such files before and after a change. <c>--tagger-loop ROUNDS</c>
/// runs the tagger alone over the CPU-path benchmark's 40 cleaned 600-word articles in a plain Stopwatch loop
/// (one warm-up pass first) and prints wall and CPU time per article and words per CPU-second; being a plain
/// loop it also runs under <c>valgrind --tool=callgrind</c>, whose instruction counts do not depend on the
/// machine's load.
/// </summary>
internal static class TaggerHarness
{
    public static void WriteSpans(string path)
    {
        var recognizer = new OfflineEntityRecognizer();
        using var output = new StreamWriter(path, append: false, new UTF8Encoding(false));
        var corpora = new[]
        {
            Path.Combine(BenchmarkInputs.NerCorpora, "wikigold", "wikigold.conll.txt"),
            Path.Combine(BenchmarkInputs.NerCorpora, "gmb", "ner_dataset.csv"),
        };
        foreach (var corpusPath in corpora)
        {
            var corpus = NerCorpusReader.ReadFile(corpusPath);
            var sentences = NerCorpusReader.IsGmbCsv(corpusPath) ? GmbSplit.Select(corpus.Sentences, GmbPortion.Test) : corpus.Sentences;
            var chunk = 0;
            foreach (var document in sentences.GroupBy(s => s.Document).SelectMany(d => d.Chunk(NerEvaluator.MaxSentencesPerCall)))
            {
                var text = string.Concat(document.Select(s => string.Join(' ', s.Words) + "\n"));
                foreach (var mention in recognizer.Recognize(text, "en").Entities)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Path.GetFileName(corpusPath)}\t{chunk}\t{mention.Offset}\t{mention.Length}\t{mention.Category}\t{mention.Confidence:R}\t{mention.Text}"));
                }
                chunk++;
            }
        }
    }

    public static void Loop(int rounds)
    {
        var cleaner = new ArticleCleaner();
        var articles = BenchmarkInputs.TextArticlesOfWords(CpuPathBenchmark.Words, CpuPathBenchmark.Articles)
            .Select(bytes => cleaner.Clean(new CleaningInput(bytes, "a.txt", "text/plain")).Article?.Text)
            .OfType<string>()
            .ToList();
        var words = articles.Sum(a => (long)a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        var recognizer = new OfflineEntityRecognizer();
        var mentions = articles.Sum(a => recognizer.Tag(a).Count);

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var article in articles)
            {
                recognizer.Tag(article);
            }
        }
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var runs = (double)rounds * articles.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tagger: {articles.Count} articles, {words / (double)articles.Count:F0} words each, {mentions} mentions, {rounds} rounds; " +
            $"wall {clock.Elapsed.TotalMilliseconds / Math.Max(1, runs):F3} ms/article, cpu {cpu.TotalMilliseconds / Math.Max(1, runs):F3} ms/article, " +
            $"{words * (double)rounds / Math.Max(1e-9, cpu.TotalSeconds):F0} words per CPU-second"));
    }
}
