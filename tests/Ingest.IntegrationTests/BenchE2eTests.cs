using System.Diagnostics;
using Azure.Data.Tables;
using Ingest.Cli.Bench;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests;

/// <summary>
/// `ingest bench e2e` through the real CLI with a tiny N: the report has every part the issue asks for, and the
/// articles really were published (read back from storage, not from the harness's own report). No timings are asserted.
/// </summary>
public sealed class BenchE2eTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Articles = 4;
    private readonly CliRunner _cli = new(azurite.ConnectionString, azurite.Layout.Root);

    [Fact]
    public async Task Harness_publishes_every_article_and_reports_throughput_latency_requests_cpu_memory_and_ceiling()
    {
        var (exit, stdout, stderr) = await _cli.RunAsync(TimeSpan.FromMinutes(6),
            "bench", "e2e", "--articles", Articles.ToString(), "--hosts", "2", "--size", "120", "--ceiling-seconds", "1", "--configured-storage",
            "--delete-sources");

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains($"outcomes: {Articles} processed", lines);
        Assert.Contains(lines, l => l.StartsWith("latency drop->published", StringComparison.Ordinal)
            && l.Contains(" p50 ", StringComparison.Ordinal) && l.Contains(" p95 ", StringComparison.Ordinal) && l.Contains(" p99 ", StringComparison.Ordinal));
        // Requests by kind, split into the chain's own (the HttpPipelinePolicy) and the trigger engine's.
        Assert.Contains(lines, l => l.StartsWith("kind", StringComparison.Ordinal) && l.Contains("pipeline", StringComparison.Ordinal) && l.Contains("trigger", StringComparison.Ordinal));
        foreach (var kind in new[] { "blob read", "blob write", "queue put", "queue get", "queue delete", "table write", "table read" })
        {
            Assert.Contains(lines, l => l.StartsWith(kind + " ", StringComparison.Ordinal));
        }
        Assert.Contains(lines, l => l.StartsWith("host 1: CPU ", StringComparison.Ordinal) && l.Contains("peak memory (VmHWM)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("host 2: CPU ", StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^host 1: RSS at 10/20/…/100 % published: (\d+ / ){9}\d+ MB$"));
        // Every host answered every tenth's heap request (a missed one prints "?"), and what a host references after a full
        // collection is a real figure: more than nothing, less than what it has committed.
        foreach (var host in new[] { 1, 2 })
        {
            var heapLine = Assert.Single(lines, l => l.StartsWith($"host {host}: managed heap after a full GC at 10/20/…/100 % published: ", StringComparison.Ordinal));
            var heap = System.Text.RegularExpressions.Regex.Match(heapLine, @"live ((?:\d+\.\d / ){9}\d+\.\d) MB; committed ((?:\d+\.\d / ){9}\d+\.\d) MB$");
            Assert.True(heap.Success, heapLine);
            var live = heap.Groups[1].Value.Split(" / ").Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var committed = heap.Groups[2].Value.Split(" / ").Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.All(live.Zip(committed), pair => Assert.InRange(pair.First, 1.0, pair.Second));
        }
        Assert.DoesNotContain(lines, l => l.StartsWith("host 3:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ceiling: ", StringComparison.Ordinal) && l.Contains("requests/s", StringComparison.Ordinal));
        Assert.Matches(@"^throughput \d+(\.\d+)? articles/s, p95 \d+ ms, \d+ % of ceiling$", lines[^1]);

        // Independently of the report: the Articles table holds one processed record per generated article.
        var records = new List<TableEntity>();
        await foreach (var row in azurite.Clients.Table(ChainNames.ArticlesTable).QueryAsync<TableEntity>())
        {
            records.Add(row);
        }
        var benchRecords = records.Where(r => r.GetString("SourceName")?.StartsWith("bench-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(Articles, benchRecords.Count);
        Assert.All(benchRecords, r => Assert.Equal("processed", r.GetString("Status")));
        Assert.Equal(Articles, benchRecords.Select(r => r.GetString("SourceName")).Distinct().Count());
        // --delete-sources: every published article's source is gone from incoming once the harness returns.
        var incoming = azurite.Clients.Container(ChainNames.IncomingContainer);
        foreach (var record in benchRecords)
        {
            Assert.False((await incoming.GetBlobClient(record.GetString("SourceName")).ExistsAsync()).Value, $"{record.GetString("SourceName")} is still in incoming");
        }
    }

    [Fact]
    public async Task A_host_that_dies_mid_run_ends_the_run_at_once_with_the_reason_and_its_last_lines()
    {
        // Without the watchdog the harness would wait out --timeout.
        var (bench, hostIds) = await StartLongRunAsync();
        await using var _ = bench;
        var victim = hostIds[1];

        Process.GetProcessById(victim).Kill();
        var exit = await bench.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, exit);
        var output = string.Join(' ', bench.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"ingest host {victim} exited with 137 during the run", output);
        Assert.Contains("articles were published", output);
        Assert.Contains($"--- last lines of ingest host {victim}:", output);
        Assert.DoesNotContain("throughput", output);
    }

    [Fact]
    public async Task SIGTERM_cancels_the_run_and_stops_the_hosts_it_started()
    {
        var (bench, hostIds) = await StartLongRunAsync();
        await using var _ = bench;

        var exit = await bench.TerminateAsync();

        Assert.Equal(1, exit);
        Assert.Contains("bench e2e was cancelled.", bench.Output);
        Assert.All(hostIds, id => Assert.False(IsRunning(id), $"ingest host {id} is still running after the harness exited"));
    }

    /// <summary>
    /// A run on two hosts at a slow steady rate, which keeps it going for minutes, started and followed until its hosts
    /// are ready; returns the CLI and the two host process ids it printed.
    /// </summary>
    private async Task<(RunningCli Bench, int[] HostIds)> StartLongRunAsync()
    {
        var bench = _cli.Start("bench", "e2e", "--articles", "600", "--rate", "2", "--hosts", "2", "--size", "60",
            "--timeout", "1800", "--configured-storage");
        await bench.WaitForOutputAsync("hosts ready (pid ", TimeSpan.FromMinutes(3));
        var pids = System.Text.RegularExpressions.Regex.Match(bench.Output, @"hosts ready \(pid (\d+), (\d+)\)");
        Assert.True(pids.Success, bench.Output);
        return (bench, [int.Parse(pids.Groups[1].Value), int.Parse(pids.Groups[2].Value)]);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Without_Azurite_installed_the_harness_says_to_run_npm_ci()
    {
        // A repository folder with host.json and package.json but no node_modules: what a fresh clone looks like before npm ci.
        var bareRepository = Directory.CreateTempSubdirectory("ingest-bare-repo-");
        File.Copy(Path.Combine(azurite.Layout.Root, "host.json"), Path.Combine(bareRepository.FullName, "host.json"));
        File.Copy(Path.Combine(azurite.Layout.Root, "package.json"), Path.Combine(bareRepository.FullName, "package.json"));
        var cli = new CliRunner(azurite.ConnectionString, bareRepository.FullName);

        var (exit, stdout, stderr) = await cli.RunAsync("bench", "e2e", "--articles", "2");

        Assert.Equal(1, exit);
        // The console wraps long lines (the message names the missing path): compare with whitespace collapsed.
        var message = string.Join(' ', stderr.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Azurite is not installed", message);
        Assert.Contains("Run 'npm ci' in " + bareRepository.FullName, message);
        Assert.DoesNotContain("throughput", stdout);
    }

    [Theory]
    [InlineData("--articles", "0", "--articles must be at least 1")]
    [InlineData("--hosts", "0", "--hosts must be between 1 and 16")]
    [InlineData("--batch-size", "64", "--batch-size must be between 1 and 32")]
    public async Task Invalid_settings_are_refused_before_anything_starts(string option, string value, string message)
    {
        var args = option == "--articles" ? new[] { "bench", "e2e", option, value } : ["bench", "e2e", "--articles", "3", option, value];

        var (exit, _, stderr) = await _cli.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void Generated_articles_are_reproducible_sized_and_distinct()
    {
        var generator = new BenchArticleGenerator(seed: 5, words: 600);

        var first = generator.TextOf(0);
        Assert.Equal(first, new BenchArticleGenerator(seed: 5, words: 600).TextOf(0));
        Assert.NotEqual(first, new BenchArticleGenerator(seed: 6, words: 600).TextOf(0));
        var words = first.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(words, 600, 700);
        // Unique stories: two articles share almost none of their words' 4-word sequences.
        var shingles = (string text) => text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select((_, i) => i).SkipLast(3).Select(i => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Skip(i).Take(4))).ToHashSet();
        var a = shingles(first);
        var b = shingles(generator.TextOf(1));
        Assert.True(a.Intersect(b).Count() < a.Count / 20, $"{a.Intersect(b).Count()} of {a.Count} shingles shared");
    }
}
