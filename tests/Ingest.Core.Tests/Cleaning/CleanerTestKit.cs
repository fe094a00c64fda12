using System.Text;
using Ingest.Core.Articles;
using Ingest.Core.Cleaning;
using Xunit;

namespace Ingest.Core.Tests.Cleaning;

/// <summary>Shortcuts for running the cleaner on a string as if it were an uploaded file.</summary>
internal static class CleanerTestKit
{
    private static readonly ArticleCleaner Cleaner = new();

    public static CleaningResult Clean(string content, string name, string? contentType = null) =>
        Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(content), name, contentType));

    public static ArticleContent CleanArticle(string content, string name)
    {
        var result = Clean(content, name);
        Assert.False(result.IsRejected, result.Rejection?.Code + ": " + result.Rejection?.Message);
        return result.Article!;
    }
}
