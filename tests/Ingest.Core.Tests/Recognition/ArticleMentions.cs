using Ingest.Core.Articles;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

/// <summary>Mentions placed in a test article by their text, for the article-wide passes' tests.</summary>
internal static class ArticleMentions
{
    /// <summary>The mention of <paramref name="text"/> at its first occurrence from <paramref name="from"/> on.</summary>
    public static EntityMention Mention(string text, string article, string category, int from = 0, double confidence = 0.9)
    {
        var offset = article.IndexOf(text, from, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{text}' is not in the article");
        return new EntityMention { Text = text, Category = category, Offset = offset, Length = text.Length, Confidence = confidence };
    }
}
