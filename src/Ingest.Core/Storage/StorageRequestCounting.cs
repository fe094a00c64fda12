using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Ingest.Core.Storage;

/// <summary>The storage service a request goes to.</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}

/// <summary>
/// Names the kind of a storage request ("blob read", "queue put", "table query"…) from its method and URL alone, so
/// requests sent by the pipeline's clients and by the trigger engine's (older) SDK are counted under the same names.
/// </summary>
public static class StorageRequestKinds
{
    public const string Other = "other";

    public static string Classify(StorageService service, string method, Uri uri)
    {
        var path = uri.AbsolutePath;
        var query = uri.Query;
        var get = method is "GET" or "HEAD";
        switch (service)
        {
            case StorageService.Blob:
                if (query.Contains("comp=list", StringComparison.OrdinalIgnoreCase))
                {
                    return "blob list";
                }
                if (query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase))
                {
                    return "blob lease";
                }
                return get ? "blob read" : method == "DELETE" ? "blob delete" : "blob write";
            case StorageService.Queue:
                if (path.EndsWith("/messages", StringComparison.Ordinal))
                {
                    return method == "POST" ? "queue put" : get ? "queue get" : "queue clear";
                }
                if (path.Contains("/messages/", StringComparison.Ordinal))
                {
                    // PUT on a message is the listener renewing its visibility (or a retry putting it back).
                    return method == "DELETE" ? "queue delete" : "queue update";
                }
                return get ? "queue metadata" : "queue admin";
            case StorageService.Table:
                if (path.EndsWith("$batch", StringComparison.Ordinal))
                {
                    return "table batch";
                }
                if (get)
                {
                    // A point read addresses one entity in the path: Table(PartitionKey='…',RowKey='…').
                    return path.Contains("RowKey=", StringComparison.Ordinal) ? "table read" : "table query";
                }
                return method == "DELETE" ? "table delete" : "table write";
            default:
                return Other;
        }
    }
}

/// <summary>Thread-safe counts of storage requests by kind, for one process.</summary>
public sealed class StorageRequestCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Record(string kind) => _counts.AddOrUpdate(kind, 1, static (_, count) => count + 1);

    public IReadOnlyDictionary<string, long> Snapshot() =>
        _counts.ToArray().OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}

/// <summary>
/// Counts every request a storage client sends, retries included (it sits per retry), under its <see cref="StorageRequestKinds"/> name.
/// </summary>
public sealed class StorageRequestCountingPolicy(StorageRequestCounter counter, StorageService service) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        counter.Record(StorageRequestKinds.Classify(service, message.Request.Method.Method, message.Request.Uri.ToUri()));
}
