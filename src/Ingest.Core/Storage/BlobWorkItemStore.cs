using Azure;
using Azure.Storage.Blobs.Models;
using Ingest.Core.Articles;
using Ingest.Core.Pipeline;

namespace Ingest.Core.Storage;

/// <summary>Work items as JSON blobs in <c>ingest-work</c>, one per article, overwritten stage by stage.</summary>
public sealed class BlobWorkItemStore(StorageClients clients) : IWorkItemStore
{
    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };

    public async Task SaveAsync(ProcessedDocument document, CancellationToken cancellationToken)
    {
        var blob = clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobName(document.Id));
        await blob.UploadAsync(
            BinaryData.FromBytes(DocumentJson.SerializeToUtf8(document)),
            new BlobUploadOptions { HttpHeaders = JsonHeaders },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<ProcessedDocument?> LoadAsync(string articleId, CancellationToken cancellationToken)
    {
        var blob = clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobName(articleId));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return DocumentJson.Deserialize(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public Task DeleteAsync(string articleId, CancellationToken cancellationToken) =>
        clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobName(articleId))
            .DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static string BlobName(string articleId) => articleId + ".json";
}
