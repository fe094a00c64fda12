using Ingest.Core.Storage;

namespace Ingest.Core.Tests.Storage;

/// <summary>Request kinds from method and URL, as both the pipeline's SDK and the trigger engine's older SDK send them.</summary>
public sealed class StorageRequestKindsTests
{
    private const string Account = "http://127.0.0.1:10000/devstoreaccount1";

    [Theory]
    [InlineData(StorageService.Blob, "GET", "/incoming/a.txt", "blob read")]
    [InlineData(StorageService.Blob, "HEAD", "/incoming/a.txt", "blob read")]
    [InlineData(StorageService.Blob, "PUT", "/ingest-work/0a/cleaned.json", "blob write")]
    [InlineData(StorageService.Blob, "DELETE", "/ingest-work/0a/cleaned.json", "blob delete")]
    [InlineData(StorageService.Blob, "GET", "/incoming?restype=container&comp=list&maxresults=5000", "blob list")]
    [InlineData(StorageService.Blob, "PUT", "/azure-webjobs-hosts/locks/x?comp=lease", "blob lease")]
    [InlineData(StorageService.Queue, "POST", "/articles-publish/messages", "queue put")]
    [InlineData(StorageService.Queue, "GET", "/articles-publish/messages?numofmessages=16&visibilitytimeout=600", "queue get")]
    [InlineData(StorageService.Queue, "DELETE", "/articles-publish/messages/5f1c?popreceipt=AAA", "queue delete")]
    [InlineData(StorageService.Queue, "PUT", "/articles-publish/messages/5f1c?popreceipt=AAA&visibilitytimeout=600", "queue update")]
    [InlineData(StorageService.Queue, "GET", "/articles-publish?comp=metadata", "queue metadata")]
    [InlineData(StorageService.Queue, "PUT", "/articles-publish", "queue admin")]
    [InlineData(StorageService.Table, "GET", "/Articles(PartitionKey='0a',RowKey='article')", "table read")]
    [InlineData(StorageService.Table, "GET", "/NearDuplicateIndex()?$filter=PartitionKey%20eq%20'b01-00ff'", "table query")]
    [InlineData(StorageService.Table, "POST", "/DedupClaims", "table write")]
    [InlineData(StorageService.Table, "PUT", "/Articles(PartitionKey='0a',RowKey='article')", "table write")]
    [InlineData(StorageService.Table, "DELETE", "/NearDuplicateIndex(PartitionKey='b01',RowKey='0a')", "table delete")]
    [InlineData(StorageService.Table, "POST", "/$batch", "table batch")]
    public void Classifies_requests_by_service_method_and_url(StorageService service, string method, string pathAndQuery, string expected) =>
        Assert.Equal(expected, StorageRequestKinds.Classify(service, method, new Uri(Account + pathAndQuery)));

    [Fact]
    public void Counter_counts_each_kind_separately()
    {
        var counter = new StorageRequestCounter();
        Parallel.For(0, 1000, i => counter.Record(i % 4 == 0 ? "queue get" : "table write"));

        var counts = counter.Snapshot();

        Assert.Equal(250, counts["queue get"]);
        Assert.Equal(750, counts["table write"]);
        Assert.Equal(["queue get", "table write"], counts.Keys);
    }
}
