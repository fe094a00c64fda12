using Ingest.Core.Articles;
using Ingest.Core.Recognition.Offline;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

/// <summary>Mentions placed in a test article by their text, and an article-wide pass run over it, for the passes' tests.</summary>
internal static class ArticleMentions
{
    /// <summary>The shape every article-wide pass has (ShortNamePropagation, DefinedNames, HeadWordPhrases).</summary>
    public delegate List<EntityMention> ArticlePass(
        List<EntityMention> mentions, string text, List<TextToken> tokens, IReadOnlyList<SentenceSpan> sentences, WordLexicon lexicon);

    /// <summary>Tokenizes and splits <paramref name="article"/> as the recognizer does, then runs <paramref name="pass"/>.</summary>
    public static List<EntityMention> Run(ArticlePass pass, string article, List<EntityMention> mentions, WordLexicon? lexicon = null)
    {
        var tokens = TextTokenizer.Tokenize(article);
        return pass(mentions, article, tokens, SentenceSplitter.Split(article, tokens), lexicon ?? WordLexicon.Empty);
    }

    /// <summary>The mention of <paramref name="text"/> at its first occurrence from <paramref name="from"/> on.</summary>
    public static EntityMention Mention(string text, string article, string category, int from = 0, double confidence = 0.9)
    {
        var offset = article.IndexOf(text, from, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{text}' is not in the article");
        return new EntityMention { Text = text, Category = category, Offset = offset, Length = text.Length, Confidence = confidence };
    }
}
