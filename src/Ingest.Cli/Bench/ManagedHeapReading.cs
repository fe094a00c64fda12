using System.Globalization;
using System.Runtime;

namespace Ingest.Cli.Bench;

/// <summary>
/// A benchmark host's managed heap right after a forced full, compacting collection: what the process still references,
/// which resident memory (RSS) cannot show because it also holds garbage not yet collected, memory the GC keeps
/// committed for later, and native memory. The harness asks for one at every tenth of a run (a line on the host's
/// stdin) and the host answers with one line on stdout; both sides use this type, so the wording cannot drift apart.
/// </summary>
internal sealed record ManagedHeapReading(long LiveBytes, long CommittedBytes)
{
    /// <summary>The line the harness writes to the host's stdin to ask for a reading.</summary>
    public const string Request = "heap";

    private const string Prefix = "ingest host: managed heap after full GC: live ";

    /// <summary>
    /// Collects everything (gen 2 and the large object heap, compacted), runs finalizers, collects again, then reads what
    /// is left. It pauses the host for tens of milliseconds, which is why the harness asks only ten times a run.
    /// </summary>
    public static ManagedHeapReading MeasureAfterFullCollection()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new ManagedHeapReading(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes);
    }

    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{LiveBytes} bytes, committed {CommittedBytes} bytes");

    /// <summary>Reads a line written by <see cref="ToLine"/>; false for any other host output.</summary>
    public static bool TryParse(string line, out ManagedHeapReading reading)
    {
        reading = new ManagedHeapReading(0, 0);
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var parts = line[Prefix.Length..].Split(' ');
        // "<live> bytes, committed <committed> bytes"
        if (parts.Length != 5
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var live)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var committed))
        {
            return false;
        }
        reading = new ManagedHeapReading(live, committed);
        return true;
    }
}
