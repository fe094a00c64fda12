using Ingest.Core.Storage;

namespace Ingest.Core.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData(@"a\b", "a%5Cb")]
    [InlineData("#1?", "%231%3F")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("Zürich 東京", "Zürich 東京")]
    public void Escapes_exactly_the_characters_table_keys_forbid(string input, string expected) =>
        Assert.Equal(expected, TableKeys.Escape(input));

    [Fact]
    public void Different_inputs_never_share_a_key()
    {
        // '%' is escaped too, so a literal "%2F" cannot collide with an escaped '/'.
        var inputs = new[] { "a/b", "a%2Fb", "a%252Fb", "a\\b", "a#b", "a?b", "a b", "A/B", "a\u0001b", "a\u007Fb" };
        Assert.Equal(inputs.Length, inputs.Select(TableKeys.Escape).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Long_values_are_capped_and_stay_unique_and_valid()
    {
        var common = new string('x', 2000);
        var a = TableKeys.Escape(common + "a");
        var b = TableKeys.Escape(common + "b");

        Assert.True(a.Length <= TableKeys.MaxKeyChars);
        Assert.NotEqual(a, b);
        Assert.True(TableKeys.IsValidKey(a));
    }

    [Fact]
    public void A_cap_never_splits_an_escape_or_a_surrogate_pair()
    {
        var slashes = TableKeys.Escape(new string('/', 400));
        var emoji = TableKeys.Escape(string.Concat(Enumerable.Repeat("😀", 400)));

        Assert.Matches("^(%2F)*~[0-9a-f]{16}$", slashes);
        Assert.False(char.IsHighSurrogate(emoji[emoji.IndexOf('~') - 1]));
        Assert.True(TableKeys.IsValidKey(slashes) && TableKeys.IsValidKey(emoji));
    }

    [Fact]
    public void Entity_keys_ignore_case_and_spacing()
    {
        Assert.Equal(TableKeys.ForEntity("Antony  Blinken"), TableKeys.ForEntity("antony blinken"));
        Assert.Equal("ac%2Fdc", TableKeys.ForEntity("AC/DC"));
    }
}
