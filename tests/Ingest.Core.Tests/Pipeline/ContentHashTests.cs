using Ingest.Core.Deduplication;

namespace Ingest.Core.Tests.Pipeline;

public sealed class ContentHashTests
{
    private const string Text = "Harbour approves ferry route\n\nThe authority approved the route on Tuesday.";

    [Theory]
    [InlineData("Harbour approves ferry route\r\n\r\nThe authority approved the route on Tuesday.")]
    [InlineData("  Harbour   approves ferry route\n\n\n The authority approved the route on Tuesday. ")]
    [InlineData("HARBOUR APPROVES FERRY ROUTE\n\nThe authority approved the route on Tuesday.")]
    public void Copies_saved_differently_hash_alike(string copy) => Assert.Equal(ContentHash.Compute(Text), ContentHash.Compute(copy));

    [Fact]
    public void Compatibility_forms_hash_like_their_plain_letters() =>
        Assert.Equal(ContentHash.Compute("ﬁnal ｆｕｌｌ"), ContentHash.Compute("final full"));

    [Fact]
    public void A_changed_word_is_different_content() =>
        Assert.NotEqual(ContentHash.Compute(Text), ContentHash.Compute(Text.Replace("Tuesday", "Wednesday")));

    [Fact]
    public void The_hash_is_64_lowercase_hex_digits() => Assert.Matches("^[0-9a-f]{64}$", ContentHash.Compute(Text));
}
