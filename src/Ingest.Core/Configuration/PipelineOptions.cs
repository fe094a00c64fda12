using System.ComponentModel.DataAnnotations;

namespace Ingest.Core.Configuration;

/// <summary>Pipeline limits and behaviour, bound from the <c>Ingest</c> configuration section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Larger inputs are rejected from their properties, before any byte is read.</summary>
    [Range(1, 512L * 1024 * 1024)]
    public long MaxInputBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Bodies up to this many characters are stored inline in the Articles row; larger ones only in the blob.</summary>
    [Range(0, 30_000)]
    public int MaxInlineDocumentChars { get; set; } = 30_000;

    /// <summary>Delete intermediate work items once their outcome is published.</summary>
    public bool DeleteWorkItems { get; set; } = true;

    /// <summary>
    /// How long a blob may sit in <c>incoming</c> without an outcome or work item before the reconciler
    /// processes it itself. The polling blob trigger can miss a blob (an overwrite within the second of
    /// its last scan, a gap while no host ran); this is the safety net that keeps "nothing lost" true.
    /// </summary>
    public TimeSpan ReconcileGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Blobs last modified longer ago than this are not looked at again.</summary>
    public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>NCRONTAB schedule of the reconcile sweep (setting <c>Ingest:ReconcileSchedule</c>, app setting <c>Ingest__ReconcileSchedule</c>).</summary>
    public string ReconcileSchedule { get; set; } = DefaultReconcileSchedule;

    public const string DefaultReconcileSchedule = "0 */1 * * * *";

    /// <summary>
    /// NCRONTAB schedule of the dedup index cleanup (setting <c>Ingest:DedupCleanupSchedule</c>, app setting
    /// <c>Ingest__DedupCleanupSchedule</c>): removes exact claims and near-duplicate entries older than
    /// <c>Ingest:Dedup:Window</c>. Expired entries stop matching at once; this only reclaims their storage.
    /// </summary>
    public string DedupCleanupSchedule { get; set; } = DefaultDedupCleanupSchedule;

    /// <summary>Hourly, at minute 17 so it does not start on the hour with every other job: with a window of days, an hour's delay in reclaiming storage costs nothing.</summary>
    public const string DefaultDedupCleanupSchedule = "0 17 * * * *";
}
