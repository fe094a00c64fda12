using System.CommandLine;
using System.Globalization;
using Ingest.Core.Deduplication;
using Ingest.Core.Evaluation;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest eval dedup</c>: exact and near-duplicate precision/recall on the seeded generated set (see
/// <see cref="DedupCorpusGenerator"/>), with the settings under test given as options so a threshold can be chosen
/// from the numbers. <c>ingest eval dedup scale</c> measures the table index on the configured storage.
/// </summary>
internal static class EvalDedupCommand
{
    public static Command Create()
    {
        var groundTruth = new Option<FileInfo?>("--ground-truth") { Description = "The extraction benchmark's ground-truth.json (default: ../shared/data/extraction-benchmark/ground-truth.json beside the repository)." };
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "More source articles, any input format (default: the repository's samples/)." };
        var seed = new Option<int>("--seed") { Description = "Generator seed; the same seed and sources give the same cases.", DefaultValueFactory = _ => DedupCorpusGenerator.DefaultSeed };
        var threshold = new Option<double?>("--threshold") { Description = "Similarity threshold to test (default: the configured default)." };
        var shingle = new Option<int?>("--shingle") { Description = "Words per shingle to test." };
        var bands = new Option<int?>("--bands") { Description = "LSH bands to test." };
        var rows = new Option<int?>("--rows") { Description = "MinHash rows per band to test." };
        var sweep = new Option<bool>("--sweep") { Description = "Also score thresholds 0.30 to 0.90 in steps of 0.05 (same cases, same index settings)." };
        var misses = new Option<bool>("--misses") { Description = "List every wrong verdict." };
        var command = new Command("dedup", "Exact and near-duplicate precision/recall on a seeded set generated from real articles. Last line: precision <p> recall <r> (near duplicates).")
        {
            groundTruth, samples, seed, threshold, shingle, bands, rows, sweep, misses,
        };
        command.Subcommands.Add(DedupScaleBench.Create());
        command.SetAction(parse =>
        {
            var layout = Local.RepositoryLayout.Locate();
            var truthPath = parse.GetValue(groundTruth)?.FullName
                ?? Path.GetFullPath(Path.Combine(layout.Root, "..", "shared", "data", "extraction-benchmark", "ground-truth.json"));
            if (!File.Exists(truthPath))
            {
                return CliContext.Error($"No ground-truth.json at {truthPath}; pass --ground-truth PATH.", CliContext.UsageError);
            }
            var defaults = new NearDuplicateOptions();
            var options = new NearDuplicateOptions
            {
                ShingleSize = parse.GetValue(shingle) ?? defaults.ShingleSize,
                Bands = parse.GetValue(bands) ?? defaults.Bands,
                RowsPerBand = parse.GetValue(rows) ?? defaults.RowsPerBand,
                Threshold = parse.GetValue(threshold) ?? defaults.Threshold,
            };
            if (new NearDuplicateOptionsValidator().Validate(null, options) is { Failed: true } invalid)
            {
                return CliContext.Error(invalid.FailureMessage, CliContext.UsageError);
            }

            var sources = DedupEvaluator.LoadSources(truthPath, parse.GetValue(samples)?.FullName ?? Path.Combine(layout.Root, "samples"));
            var cases = DedupCorpusGenerator.Generate(sources, parse.GetValue(seed));
            Console.WriteLine($"{sources.Count} source articles, {cases.Count} generated files (seed {parse.GetValue(seed)}); "
                + $"shingle {options.ShingleSize}, {options.Bands} bands × {options.RowsPerBand} rows, threshold {Format(options.Threshold)}");

            if (parse.GetValue(sweep))
            {
                var sweepTable = new Table().Border(TableBorder.Rounded).AddColumns("Threshold", "Near precision", "Near recall", "Hard negatives flagged");
                for (var t = 0.30; t <= 0.901; t += 0.05)
                {
                    var tried = new NearDuplicateOptions { ShingleSize = options.ShingleSize, Bands = options.Bands, RowsPerBand = options.RowsPerBand, Threshold = Math.Round(t, 2) };
                    var r = DedupEvaluator.Evaluate(cases, tried);
                    sweepTable.AddRow(Format(tried.Threshold), Format(r.Near.Precision), Format(r.Near.Recall), $"{r.HardNegativesFlagged}/{r.HardNegatives}");
                }
                AnsiConsole.Write(sweepTable);
            }

            var report = DedupEvaluator.Evaluate(cases, options);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Verdict", "Precision", "Recall", "Expected", "Predicted", "Right verdicts / cases found");
            AddRow(table, "exact", report.Exact);
            AddRow(table, "[bold]near[/]", report.Near);
            foreach (var (transform, score) in report.NearByTransform)
            {
                AddRow(table, "  " + Markup.Escape(transform), score);
            }
            AnsiConsole.Write(table);
            Console.WriteLine($"format/encoding copies that ended exact: {report.FormatCopiesExact} of {report.FormatCopies} (the rest: the cleaner extracted the HTML differently, so they are near copies)");
            Console.WriteLine($"near copies the cleaner made exact (it removed the added boilerplate; scored as exact): {report.NearCopiesCleanedToExact}");
            Console.WriteLine($"hard negatives flagged as duplicates: {report.HardNegativesFlagged} of {report.HardNegatives}");
            Console.WriteLine($"near index requests per article checked: {report.NearIndexRequestsPerArticle.ToString("0.0", CultureInfo.InvariantCulture)} "
                + "(counted by the in-memory index as the table index makes them: bucket merges, the order row insert, bucket reads, stamps written back)");
            Console.WriteLine($"signature CPU per article: {report.SignatureMicrosecondsPerArticle.ToString("0", CultureInfo.InvariantCulture)} µs "
                + $"(NFKC, word hashing, shingles, {options.Permutations} MinHash values)");
            if (parse.GetValue(misses))
            {
                foreach (var miss in report.Misses)
                {
                    Console.WriteLine("miss: " + miss);
                }
            }
            Console.WriteLine($"exact precision {Format(report.Exact.Precision)} recall {Format(report.Exact.Recall)}");
            Console.WriteLine($"precision {Format(report.Near.Precision)} recall {Format(report.Near.Recall)}");
            return CliContext.Success;
        });
        return command;

        static void AddRow(Table table, string label, VerdictScore score) => table.AddRow(
            label, Format(score.Precision), Format(score.Recall),
            score.Expected.ToString(CultureInfo.InvariantCulture), score.Predicted.ToString(CultureInfo.InvariantCulture), $"{score.Correct} / {score.Found}");
    }

    private static string Format(double value) => EvalCommand.Format(value);
}

/// <summary><c>ingest eval dedup scale</c>: the table index's lookup latency and requests per article at growing sizes.</summary>
internal static class DedupScaleBench
{
    public static Command Create()
    {
        var sizes = new Option<int[]>("--sizes") { Description = "Index sizes to measure at, filled in turn (default 1000 10000).", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [1000, 10000] };
        var lookups = new Option<int>("--lookups") { Description = "Timed claims per size (half new articles, half edited copies).", DefaultValueFactory = _ => 200 };
        var parallelism = new Option<int>("--parallel") { Description = "Concurrent backfills while filling.", DefaultValueFactory = _ => 32 };
        var scratch = new Option<bool>("--scratch-azurite") { Description = "Start a private in-memory Azurite for the run (and stop it after) instead of using AzureWebJobsStorage." };
        var heap = new Option<int>("--azurite-heap-mb") { Description = "Node heap limit of the scratch Azurite; 100k articles are ~3.2M rows.", DefaultValueFactory = _ => 8192 };
        var groundTruth = new Option<FileInfo?>("--ground-truth") { Description = "Article texts for the signature cost (default: ../shared/data/extraction-benchmark/ground-truth.json beside the repository; skipped if absent)." };
        var command = new Command("scale", "Fill the NearDuplicateIndex table (a scratch Azurite with --scratch-azurite, else AzureWebJobsStorage) and time lookups at each size.")
        {
            sizes, lookups, parallelism, scratch, heap, groundTruth,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var truthPath = parse.GetValue(groundTruth)?.FullName
                ?? Path.GetFullPath(Path.Combine(Local.RepositoryLayout.Locate().Root, "..", "shared", "data", "extraction-benchmark", "ground-truth.json"));
            if (File.Exists(truthPath))
            {
                var texts = DedupEvaluator.LoadSources(truthPath, null).Select(s => s.Body).ToList();
                var cost = DedupScaleBenchmark.MeasureSignatures(texts, new NearDuplicateOptions(), rounds: 20);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"signature cost per article: {cost.CpuMicroseconds:0} µs CPU, {cost.WallMicroseconds:0} µs wall ({cost.Articles} real article bodies × 20 rounds, mean {cost.MeanChars:0} characters)"));
            }
            Local.AzuriteServer? azurite = null;
            try
            {
                Ingest.Core.Storage.StorageClients clients;
                if (parse.GetValue(scratch))
                {
                    azurite = await Local.AzuriteServer.StartAsync(Local.RepositoryLayout.Locate(), 0, 0, 0, dataFolder: null, cancellationToken, parse.GetValue(heap));
                    clients = new Ingest.Core.Storage.StorageClients(new Ingest.Core.Storage.StorageOptions { ConnectionString = azurite.ConnectionString });
                }
                else if (await CliContext.CheckStorageReachableAsync(cancellationToken) is { } unreachable)
                {
                    return CliContext.Error(unreachable);
                }
                else
                {
                    clients = new Ingest.Core.Storage.StorageClients(CliContext.StorageOptions);
                }
                await clients.Table(Ingest.Core.Storage.ChainNames.NearDuplicateIndexTable).CreateIfNotExistsAsync(cancellationToken);
                var options = new NearDuplicateOptions();
                var index = new Ingest.Core.Storage.TableNearDuplicateIndex(clients, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
                var progress = new Progress<string>(message => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}"));
                var points = await DedupScaleBenchmark.RunAsync(
                    index, index.BackfillAsync, () => index.RequestCount, azurite is null ? null : () => azurite.ProcessorTime, options,
                    parse.GetValue(sizes)!, parse.GetValue(lookups), parse.GetValue(parallelism), progress, cancellationToken);

                var table = new Table().Border(TableBorder.Rounded).AddColumns(
                    "Indexed articles", "Lookups", "p50 ms", "p95 ms", "Requests per lookup", "Duplicates found", "Azurite CPU ms per lookup", "Filled", "Fill s", "Fill articles/s");
                foreach (var point in points)
                {
                    table.AddRow(
                        point.IndexedArticles.ToString("N0", CultureInfo.InvariantCulture), point.Lookups.ToString(CultureInfo.InvariantCulture),
                        point.P50Milliseconds.ToString("0.0", CultureInfo.InvariantCulture), point.P95Milliseconds.ToString("0.0", CultureInfo.InvariantCulture),
                        point.RequestsPerLookup.ToString("0.0", CultureInfo.InvariantCulture), point.DuplicatesFound.ToString(CultureInfo.InvariantCulture),
                        point.ServerCpuMillisecondsPerLookup?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
                        point.Filled.ToString("N0", CultureInfo.InvariantCulture), point.FillSeconds.ToString("0", CultureInfo.InvariantCulture),
                        (point.Filled / Math.Max(point.FillSeconds, 0.001)).ToString("0", CultureInfo.InvariantCulture));
                }
                AnsiConsole.Write(table);
                // Spectre squeezes the table to 80 columns when output is redirected; one plain line per size stays readable.
                foreach (var point in points)
                {
                    Console.WriteLine($"size {point.IndexedArticles}: {point.Describe()}");
                }
                return CliContext.Success;
            }
            finally
            {
                if (azurite is not null)
                {
                    await azurite.DisposeAsync();
                }
            }
        });
        return command;
    }
}
