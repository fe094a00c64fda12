using System.Diagnostics;
using Ingest.Core.Cleaning;
using Ingest.Core.Decoding;

namespace Ingest.Benchmarks;

/// <summary>
/// A plain Stopwatch loop over the text or HTML corpus for profilers (callgrind, perf) and quick ratios on a busy
/// machine: <c>dotnet run -c Release -- loop text 20</c> (add <c>phases</c> for the
/// share of each plain-text phase). BenchmarkDotNet's child processes and pilot runs make
/// instruction counts hard to attribute; this runs one warm-up pass and then exactly the passes asked for, so the
/// instructions of N passes minus those of M passes are the cost of N − M passes without start-up or JIT.
/// </summary>
internal static class CleaningLoop
{
    public static int Run(string corpus, int passes, bool phases)
    {
        var inputs = corpus switch
        {
            "text" => BenchmarkInputs.TextArticles().Select(a => (Bytes: a, Name: "article.txt", Type: "text/plain")).ToList(),
            "html" => BenchmarkInputs.HtmlPages().Select(p => (Bytes: p, Name: "page.html", Type: "text/html")).ToList(),
            _ => throw new ArgumentException($"Unknown corpus '{corpus}': use text or html."),
        };
        var bytes = inputs.Sum(i => (long)i.Bytes.Length);
        var cleaner = new ArticleCleaner();
        var words = Pass();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < passes; i++)
        {
            words += Pass();
        }
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"{corpus}: {inputs.Count} files, {bytes / 1e6:F3} MB per pass, {passes} passes in {seconds:F3} s");
        Console.WriteLine($"{corpus}: {bytes * (double)passes / 1e6 / Math.Max(seconds, 1e-9):F1} MB/s wall clock (one thread; noisy on a shared machine)");
        Console.WriteLine($"{corpus}: {allocated / Math.Max(passes, 1) / 1e6:F2} MB allocated per pass ({allocated / (double)Math.Max(passes, 1) / bytes:F2} bytes per input byte)");
        if (phases && corpus == "text")
        {
            PrintTextPhases(inputs.Select(i => i.Bytes).ToList(), passes);
        }
        return words > 0 ? 0 : 1;

        int Pass()
        {
            var total = 0;
            foreach (var (content, name, type) in inputs)
            {
                total += cleaner.Clean(new CleaningInput(content, name, type)).Article?.WordCount ?? 0;
            }
            return total;
        }
    }

    /// <summary>
    /// CPU shares of the plain-text path's phases, each timed over the same passes in one run, so their ratios hold
    /// even when the machine's load makes absolute figures meaningless.
    /// </summary>
    private static void PrintTextPhases(IReadOnlyList<byte[]> articles, int passes)
    {
        var decoded = articles.Select(a => TextDecoder.Decode(a).Text!).ToList();
        var normalized = decoded.Select(TextNormalizer.NormalizeLines).ToList();
        var texts = normalized.Select(n => PlainTextArticleParser.Analyze(n).Text).ToList();
        var phases = new (string Name, Func<int> Run)[]
        {
            ("decode (validate, transcode, mojibake scan)", () => decoded.Count(_ => true) - articles.Sum(a => TextDecoder.Decode(a).Text!.Length > 0 ? 1 : 0)),
            ("normalize lines (NFC, invisibles, spaces)", () => decoded.Sum(d => TextNormalizer.NormalizeLines(d).Length)),
            ("analyze lines (split, classify, join)", () => normalized.Sum(n => PlainTextArticleParser.Analyze(n).Text.Length)),
            ("detect language", () => texts.Sum(t => LanguageDetector.Detect(t)?.Length ?? 0)),
            ("count words", () => texts.Sum(t => TextNormalizer.CountWords(t))),
        };
        var times = new double[phases.Length];
        for (var p = 0; p < phases.Length; p++)
        {
            phases[p].Run();
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < passes; i++)
            {
                phases[p].Run();
            }
            times[p] = stopwatch.Elapsed.TotalMilliseconds / passes;
        }
        var total = times.Sum();
        for (var p = 0; p < phases.Length; p++)
        {
            Console.WriteLine($"  {phases[p].Name,-48} {times[p],8:F2} ms/pass  {times[p] / total,6:P1}");
        }
    }
}
