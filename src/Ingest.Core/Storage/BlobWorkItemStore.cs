using Azure;
using Azure.Storage.Blobs.Models;
using Ingest.Core.Articles;
using Ingest.Core.Pipeline;

namespace Ingest.Core.Storage;

/// <summary>Work items as JSON blobs in <c>ingest-work</c>: <c>{id}/{stage output}.json</c>, each written once per run.</summary>
public sealed class BlobWorkItemStore(StorageClients clients) : IWorkItemStore
{
    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };

    public async Task SaveAsync(ProcessedDocument document, string workItem, CancellationToken cancellationToken)
    {
        var blob = clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobName(document.Id, workItem));
        await blob.UploadAsync(
            BinaryData.FromBytes(DocumentJson.SerializeToUtf8(document)),
            new BlobUploadOptions { HttpHeaders = JsonHeaders },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<ProcessedDocument?> LoadAsync(string articleId, string workItem, CancellationToken cancellationToken)
    {
        var blob = clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobName(articleId, workItem));
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

    public async Task<bool> ExistsAsync(string articleId, string workItem, CancellationToken cancellationToken) =>
        (await clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobName(articleId, workItem))
            .ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    public Task DeleteAllAsync(string articleId, CancellationToken cancellationToken) =>
        Task.WhenAll(WorkItems.All.Select(workItem =>
            clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobName(articleId, workItem))
                .DeleteIfExistsAsync(cancellationToken: cancellationToken)));

    public static string BlobName(string articleId, string workItem) => $"{articleId}/{workItem}.json";
}
