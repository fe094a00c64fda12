using System.Diagnostics;
using System.Globalization;
using Ingest.Core.Deduplication;

namespace Ingest.Core.Evaluation;

/// <summary>Lookup cost at one index size: latency percentiles and storage requests per checked article.</summary>
public sealed record DedupScalePoint(
    int IndexedArticles, int Lookups, double P50Milliseconds, double P95Milliseconds, double RequestsPerLookup, int DuplicatesFound,
    int Filled, double FillSeconds, double? ServerCpuMillisecondsPerLookup)
{
    /// <summary>
    /// The figures in one line, for the progress report while the run goes on and for the summary at its end alike. Half the
    /// lookups are edited copies, so "found X of Lookups/2" is the recall of the probe.
    /// </summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"lookups {Lookups}, p50 {P50Milliseconds:0.0} ms, p95 {P95Milliseconds:0.0} ms, requests per lookup {RequestsPerLookup:0.0}, duplicates found {DuplicatesFound} of {Lookups / 2}, "
        + $"server CPU per lookup {(ServerCpuMillisecondsPerLookup is { } cpu ? cpu.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "n/a")}, fill {Filled} in {FillSeconds:0} s");
}

/// <summary>Signing cost per article: over how many texts of what mean length, in wall and CPU microseconds.</summary>
public sealed record SignatureCost(int Articles, double MeanChars, double WallMicroseconds, double CpuMicroseconds);

/// <summary>
/// Measures how near-duplicate lookups scale with the index size. The index is filled to each size with random
/// signatures (what unrelated articles look like to LSH: every band key new), then probed with real claims: half
/// fresh articles, half edited copies of earlier probes, so both the miss path and the confirm path are timed.
/// </summary>
public static class DedupScaleBenchmark
{
    public static async Task<IReadOnlyList<DedupScalePoint>> RunAsync(
        INearDuplicateIndex index,
        Func<string, MinHashSignature, CancellationToken, Task> fill,
        Func<long> requestCount,
        Func<TimeSpan>? serverCpu,
        NearDuplicateOptions options,
        IReadOnlyList<int> sizes,
        int lookups,
        int parallelism,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var random = new Random(DedupCorpusGenerator.DefaultSeed);
        var hasher = new MinHasher(options);
        var points = new List<DedupScalePoint>();
        var filled = 0;
        foreach (var size in sizes.Order())
        {
            var toFill = Enumerable.Range(filled, Math.Max(0, size - filled)).ToList();
            var fillWatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(toFill, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var values = new uint[options.Permutations];
                lock (random)
                {
                    for (var v = 0; v < values.Length; v++)
                    {
                        values[v] = (uint)random.NextInt64(0, uint.MaxValue + 1L);
                    }
                }
                await fill($"fill{i:D8}", new MinHashSignature(values), ct).ConfigureAwait(false);
                if ((i + 1) % 5000 == 0)
                {
                    progress?.Report(string.Create(CultureInfo.InvariantCulture, $"filled {i + 1} articles ({fillWatch.Elapsed.TotalSeconds:0} s into this fill)"));
                }
            }).ConfigureAwait(false);
            filled = Math.Max(filled, size);
            fillWatch.Stop();
            progress?.Report($"index holds {filled} articles (this fill: {toFill.Count} in {fillWatch.Elapsed.TotalSeconds:0} s); probing");

            var latencies = new List<double>();
            var before = requestCount();
            var serverBefore = serverCpu?.Invoke();
            var duplicates = 0;
            for (var probe = 0; probe < lookups; probe++)
            {
                var text = ProbeText(size, probe / 2);
                if (probe % 2 == 1)
                {
                    text += " This story was updated.";
                }
                var signature = hasher.Compute(text)!;
                var watch = Stopwatch.StartNew();
                var verdict = await index.ClaimAsync($"probe{size:D7}x{probe:D4}", signature, cancellationToken).ConfigureAwait(false);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                duplicates += verdict.IsCanonical ? 0 : 1;
            }
            var requests = requestCount() - before;
            double? serverPerLookup = serverCpu is null ? null : (serverCpu() - serverBefore!.Value).TotalMilliseconds / lookups;
            latencies.Sort();
            var point = new DedupScalePoint(filled, lookups, Percentile(latencies, 0.50), Percentile(latencies, 0.95), (double)requests / lookups, duplicates, toFill.Count, fillWatch.Elapsed.TotalSeconds, serverPerLookup);
            points.Add(point);
            // Each size as soon as it is measured: a long run (100k on an emulator takes hours) that is stopped keeps what it had.
            progress?.Report($"measured at {point.IndexedArticles}: {point.Describe()}");
        }
        return points;
    }

    /// <summary>
    /// Signature cost per article over real article texts: wall time and process CPU time, after one warm-up pass (JIT,
    /// tiered compilation). CPU time is the figure to quote on a shared machine, where wall time includes waiting for a core.
    /// </summary>
    public static SignatureCost MeasureSignatures(IReadOnlyList<string> texts, NearDuplicateOptions options, int rounds)
    {
        var hasher = new MinHasher(options);
        foreach (var text in texts)
        {
            hasher.Compute(text);
        }
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                hasher.Compute(text);
            }
        }
        wall.Stop();
        process.Refresh();
        var signed = (double)texts.Count * rounds;
        return new SignatureCost(
            texts.Count, texts.Average(t => t.Length), wall.Elapsed.TotalMicroseconds / signed,
            (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / signed);
    }

    /// <summary>A 300-word text of pseudo-words unique to (size, n): unrelated to every other probe.</summary>
    private static string ProbeText(int size, int n)
    {
        var random = new Random(HashCode.Combine(size, n, 17));
        return string.Join(' ', Enumerable.Range(0, 300).Select(_ => "w" + random.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
