using Ingest.Core.Articles;
using Ingest.Core.Pipeline;

namespace Ingest.Core.Tests.Pipeline;

public sealed class MessageParsingTests
{
    private static readonly string Id = ArticleId.ForBlob("incoming", "a.txt", "1");

    [Fact]
    public void A_stage_message_round_trips()
    {
        Assert.True(StageMessage.TryParse(new StageMessage(Id, WorkItems.Deduplicated).ToJson(), out var parsed));
        Assert.Equal((Id, WorkItems.Deduplicated), (parsed.ArticleId, parsed.WorkItem));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"articleId\": 42}")]
    [InlineData("{\"articleId\": \"../x\", \"workItem\": \"cleaned\"}")]
    [InlineData("{\"articleId\": \"0123456789abcdef0123456789abcdef\"}")]
    [InlineData("{\"articleId\": \"0123456789abcdef0123456789abcdef\", \"workItem\": \"../../secrets\"}")]
    [InlineData("[]")]
    [InlineData("null")]
    public void Anything_else_is_not_a_stage_message(string? text) => Assert.False(StageMessage.TryParse(text, out _));

    [Fact]
    public void A_blob_trigger_poison_entry_names_the_blob_version()
    {
        const string poison = """{"Type":"BlobTrigger","FunctionId":"Host.Functions.CleanArticle","BlobType":"BlockBlob","ContainerName":"incoming","BlobName":"news/a b.txt","ETag":"\"0x8DC\""}""";

        Assert.True(CleanRequest.TryParse(poison, out var blob));
        Assert.Equal(new SourceBlobRef("incoming", "news/a b.txt", "\"0x8DC\""), blob);
    }

    [Theory]
    [InlineData("news/a b.txt", "\"0x8DC\"")]
    [InlineData("Ünïcode/#?\\ name.html", null)]
    public void A_clean_request_round_trips_the_blob_version(string name, string? etag)
    {
        var blob = new SourceBlobRef("incoming", name, etag);

        Assert.True(CleanRequest.TryParse(CleanRequest.ToJson(blob), out var parsed));
        Assert.Equal(blob, parsed);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"ContainerName\":\"incoming\"}")]
    [InlineData("{\"ContainerName\":\"\",\"BlobName\":\"a\"}")]
    [InlineData("garbage")]
    public void An_unreadable_poison_entry_is_recognised_as_such(string text) => Assert.False(CleanRequest.TryParse(text, out _));
}
