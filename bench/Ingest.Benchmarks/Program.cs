using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Ingest.Benchmarks;

// loop text|html PASSES [phases]: a plain Stopwatch loop for profilers and quick ratios (see CleaningLoop).
if (args is ["loop", var corpus, var passes, ..])
{
    return CleaningLoop.Run(corpus, int.Parse(passes, System.Globalization.CultureInfo.InvariantCulture), phases: args is [.., "phases"]);
}

// Two plain modes for tagger work, outside BenchmarkDotNet: see TaggerHarness.
if (args is ["--tagger-spans", var spansFile])
{
    TaggerHarness.WriteSpans(spansFile);
    return 0;
}
if (args is ["--tagger-loop", var rounds])
{
    TaggerHarness.Loop(int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

// Stage benchmarks. Each class declares its corpus size, so the summary shows throughput per core beside time and
// allocations. Pass BenchmarkDotNet arguments through, e.g. --filter '*Clean*' --job short.

var config = DefaultConfig.Instance
    .AddColumn(new ThroughputColumn("MB/s", MegabytesPerPass, "MB"))
    .AddColumn(new ThroughputColumn("tokens/s", TokensPerPass, "tokens"));
BenchmarkSwitcher.FromAssembly(typeof(CleanTextBenchmark).Assembly).Run(args, config);
return 0;

static double? MegabytesPerPass(Type type)
{
    var bytes = type == typeof(CleanTextBenchmark) ? CleanTextBenchmark.CorpusBytes
        : type == typeof(CleanHtmlBenchmark) ? CleanHtmlBenchmark.CorpusBytes
        : type == typeof(RecognizeBenchmark) ? RecognizeBenchmark.CorpusBytes
        : type == typeof(DocumentBenchmark) ? DocumentBenchmark.CorpusBytes
        : 0;
    return bytes > 0 ? bytes / 1e6 : null;
}

static double? TokensPerPass(Type type) =>
    type == typeof(RecognizeBenchmark) && RecognizeBenchmark.CorpusTokens > 0 ? RecognizeBenchmark.CorpusTokens : null;
