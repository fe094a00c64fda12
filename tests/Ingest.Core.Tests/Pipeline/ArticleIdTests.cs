using Ingest.Core.Articles;

namespace Ingest.Core.Tests.Pipeline;

public sealed class ArticleIdTests
{
    [Fact]
    public void The_same_blob_version_always_has_the_same_id()
    {
        var id = ArticleId.ForBlob("incoming", "news/a.txt", "\"0x8DC1\"");

        Assert.Equal(id, ArticleId.ForBlob("incoming", "news/a.txt", "0x8DC1")); // quoted or not, the same ETag
        Assert.True(ArticleId.IsValid(id));
        Assert.Equal(ArticleId.Length, id.Length);
    }

    [Theory]
    [InlineData("incoming", "news/a.txt", "0x8DC2")]
    [InlineData("incoming", "news/b.txt", "0x8DC1")]
    [InlineData("other", "news/a.txt", "0x8DC1")]
    public void Another_version_name_or_container_is_another_article(string container, string name, string etag) =>
        Assert.NotEqual(ArticleId.ForBlob("incoming", "news/a.txt", "0x8DC1"), ArticleId.ForBlob(container, name, etag));

    [Fact]
    public void Local_files_are_versioned_by_content()
    {
        Assert.Equal(ArticleId.ForLocalFile("a.txt", "x"u8), ArticleId.ForLocalFile("a.txt", "x"u8));
        Assert.NotEqual(ArticleId.ForLocalFile("a.txt", "x"u8), ArticleId.ForLocalFile("a.txt", "y"u8));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789ABCDEF0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("../../etc/passwd0123456789abcdef")]
    public void Only_32_lowercase_hex_digits_are_ids(string? candidate) => Assert.False(ArticleId.IsValid(candidate));
}
