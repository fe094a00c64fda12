using Ingest.Core.Configuration;
using Azure;
using Azure.Storage.Blobs.Models;
using Ingest.Core.Articles;
using Ingest.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Storage;

/// <summary>
/// Reads exactly the blob version the trigger fired for (If-Match on its ETag), after checking its size
/// from properties, so an oversized file is rejected without being downloaded.
/// </summary>
public sealed class BlobSourceReader(StorageClients clients, IOptions<PipelineOptions> options) : ISourceReader
{
    public async Task<SourceRead> ReadAsync(SourceBlobRef blob, CancellationToken cancellationToken)
    {
        var client = clients.Container(blob.Container).GetBlobClient(blob.Name);
        var fallbackInfo = new SourceInfo { Container = blob.Container, Name = blob.Name, ETag = blob.ETag };
        var conditions = blob.ETag is null ? null : new BlobRequestConditions { IfMatch = new ETag(blob.ETag) };

        BlobProperties properties;
        try
        {
            properties = (await client.GetPropertiesAsync(conditions, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return await VersionGoneAsync(client, fallbackInfo, ex, cancellationToken).ConfigureAwait(false);
        }

        var info = new SourceInfo
        {
            Container = blob.Container,
            Name = blob.Name,
            ETag = properties.ETag.ToString(),
            ContentType = properties.ContentType,
            SizeBytes = properties.ContentLength,
            ReceivedAt = properties.LastModified,
        };

        var limit = options.Value.MaxInputBytes;
        if (properties.ContentLength > limit)
        {
            return SourceRead.Unreadable(info, RejectionCodes.TooLarge,
                RejectionCodes.TooLargeMessage(properties.ContentLength, limit));
        }

        try
        {
            var download = await client.DownloadContentAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } },
                cancellationToken).ConfigureAwait(false);
            return SourceRead.Found(info, download.Value.Content.ToMemory());
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return await VersionGoneAsync(client, info, ex, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The blob version is no longer there: deleted, or overwritten by a newer version. A condition on a blob that
    /// no longer exists fails with 412 as well as 404, so existence decides which, for both reads.
    /// </summary>
    private static async Task<SourceRead> VersionGoneAsync(
        Azure.Storage.Blobs.BlobClient client, SourceInfo info, RequestFailedException error, CancellationToken cancellationToken)
    {
        var replaced = error.Status == 412 && (await client.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
        return replaced
            ? SourceRead.Unreadable(info, RejectionCodes.SourceReplaced,
                "The blob was overwritten before this version could be read; the new version is processed as its own record.")
            : SourceRead.Unreadable(info, RejectionCodes.SourceDeleted, "The blob was deleted before the pipeline could read it.");
    }
}
