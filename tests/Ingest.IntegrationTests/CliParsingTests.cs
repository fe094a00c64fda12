using Ingest.Cli.Bench;
using Ingest.Cli.Commands;
using Ingest.Cli.Local;

namespace Ingest.IntegrationTests;

/// <summary>The CLI's own parsing: host.json as the local host reads it, --since values, and the bench host's heap line.</summary>
public sealed class CliParsingTests
{
    [Fact]
    public void The_repository_host_json_drives_the_local_queue_settings()
    {
        var settings = HostJsonSettings.Load(RepositoryLayout.Locate().HostJson);

        Assert.Equal(TimeSpan.FromSeconds(2), settings.MaxPollingInterval);
        Assert.Equal(5, settings.MaxDequeueCount);
        Assert.Equal(16, settings.BatchSize);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.FunctionTimeout);
    }

    [Fact]
    public void Host_json_settings_left_out_take_the_sdk_defaults_and_bad_values_are_reported()
    {
        var folder = Directory.CreateTempSubdirectory("hostjson-");
        var partial = Path.Combine(folder.FullName, "partial.json");
        File.WriteAllText(partial, """{ "version": "2.0", "extensions": { "queues": { "batchSize": 4, "maxPollingInterval": 500 } } }""");
        var bad = Path.Combine(folder.FullName, "bad.json");
        File.WriteAllText(bad, """{ "extensions": { "queues": { "visibilityTimeout": "soon" } } }""");

        var settings = HostJsonSettings.Load(partial);

        Assert.Equal(4, settings.BatchSize);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.MaxPollingInterval);
        Assert.Equal(HostJsonSettings.Defaults.MaxDequeueCount, settings.MaxDequeueCount);
        Assert.Contains("soon", Assert.Throws<InvalidOperationException>(() => HostJsonSettings.Load(bad)).Message);
        Assert.Equal(HostJsonSettings.Defaults, HostJsonSettings.Load(Path.Combine(folder.FullName, "missing.json")));
    }

    [Fact]
    public void A_heap_reading_counts_what_is_still_referenced_and_not_garbage_and_survives_the_line_it_travels_in()
    {
        // 200 MB held, then let go: the reading after a full collection must see it while held and not after.
        var held = new byte[200 * 1024 * 1024];
        Array.Fill(held, (byte)1);
        var whileHeld = ManagedHeapReading.MeasureAfterFullCollection();
        GC.KeepAlive(held);
        held = null;
        var afterRelease = ManagedHeapReading.MeasureAfterFullCollection();

        Assert.InRange(whileHeld.LiveBytes, 200L * 1024 * 1024, whileHeld.CommittedBytes);
        Assert.True(afterRelease.LiveBytes < whileHeld.LiveBytes - 150L * 1024 * 1024, $"{whileHeld} then {afterRelease}");
        Assert.True(ManagedHeapReading.TryParse(whileHeld.ToLine(), out var parsed));
        Assert.Equal(whileHeld, parsed);
        Assert.False(ManagedHeapReading.TryParse(HostCommand.ReadyLine, out _));
        Assert.False(ManagedHeapReading.TryParse("ingest host: managed heap after full GC: live many bytes, committed 1 bytes", out _));
    }

    [Theory]
    [InlineData("30m", -30 * 60)]
    [InlineData("2h", -2 * 3600)]
    [InlineData("1d", -86400)]
    [InlineData("2026-11-23T09:00:00Z", -3600)]
    public void Since_accepts_durations_and_iso_times(string text, int offsetSeconds)
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        Assert.True(ResultsCommand.TryParseSince(text, now, out var since));
        Assert.Equal(now.AddSeconds(offsetSeconds), since);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("5x")]
    public void Since_refuses_what_it_cannot_read(string text) =>
        Assert.False(ResultsCommand.TryParseSince(text, DateTimeOffset.UtcNow, out _));

    [Fact]
    public void Drop_names_blobs_by_file_name_or_path_inside_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("drop-");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "world", "asia"));
        File.WriteAllText(Path.Combine(folder.FullName, "world", "asia", "tokyo.txt"), "x");
        File.WriteAllText(Path.Combine(folder.FullName, "top.txt"), "x");

        var fromFolder = DropCommand.Expand([folder.FullName]).Select(u => u.BlobName).ToList();
        var single = DropCommand.Expand([Path.Combine(folder.FullName, "world", "asia", "tokyo.txt")]).Single().BlobName;

        Assert.Equal(["top.txt", "world/asia/tokyo.txt"], fromFolder);
        Assert.Equal("tokyo.txt", single);
        Assert.Throws<FileNotFoundException>(() => DropCommand.Expand([Path.Combine(folder.FullName, "nope")]));
    }
}
