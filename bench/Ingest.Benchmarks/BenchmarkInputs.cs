using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Ingest.Benchmarks;

/// <summary>
/// Realistic inputs: the extraction benchmark's 181 article bodies (as plain-text articles, title first) and its
/// HTML pages, read from the shared data folder beside the repository. Set INGEST_SHARED_DATA to point elsewhere.
/// </summary>
internal static class BenchmarkInputs
{
    private static readonly Lazy<string> DataRoot = new(FindDataRoot);

    public static string ExtractionBenchmark => Path.Combine(DataRoot.Value, "extraction-benchmark");

    /// <summary>The labelled NER corpora (wikigold, GMB, …).</summary>
    public static string NerCorpora => Path.Combine(DataRoot.Value, "ner");

    /// <summary>
    /// The 181 article bodies written out as producers' text files: a title from the page's URL slug, a byline
    /// (sometimes with the author card's name above it), a date line in one of the forms sources print, a
    /// dateline on every third story, and between the paragraphs the boilerplate real files carry (a photo
    /// caption with credit, an advertisement marker, a newsletter block with its privacy sentence, share and
    /// contributor lines, a copyright line); every fourth file has CRLF line endings. About 5 KB on average.
    /// The bodies are real article text of real lengths; the furniture around them is invented.
    /// </summary>
    public static IReadOnlyList<byte[]> TextArticles()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ExtractionBenchmark, "ground-truth.json")));
        return json.RootElement.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (Body: p.Value.GetProperty("articleBody").GetString() ?? "", Url: p.Value.GetProperty("url").GetString() ?? ""))
            .Where(page => page.Body.Length > 200)
            .Select((page, i) => Encoding.UTF8.GetBytes(AsTextFile(page.Body, page.Url, i)))
            .ToList();
    }

    /// <summary>
    /// Plain-text articles of exactly <paramref name="words"/> words: the first that many words of every body at least that
    /// long (paragraph breaks kept), title first. The CPU target is quoted per 600-word article.
    /// </summary>
    public static IReadOnlyList<byte[]> TextArticlesOfWords(int words, int count)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ExtractionBenchmark, "ground-truth.json")));
        return json.RootElement.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => FirstWords(p.Value.GetProperty("articleBody").GetString() ?? "", words))
            .OfType<string>()
            .Take(count)
            .Select(body => Encoding.UTF8.GetBytes("Benchmark article headline\n\n" + body))
            .ToList();
    }

    /// <summary>The text up to the end of its <paramref name="words"/>-th word, or null when it has fewer words.</summary>
    private static string? FirstWords(string text, int words)
    {
        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && ++seen == words)
            {
                return text[..(i + 1)];
            }
        }
        return null;
    }

    private static readonly string[] Authors = ["Maren Holt", "Tomas Reyes", "Ines Kowalczyk", "Dev Anand Rao", "Colette Marsh"];
    private static readonly string[] DateLines = ["April 24, 2024", "Updated 3:15 PM EDT, April 24, 2024", "2024-04-24", "Politics April 24, 2024", "Jan. 13"];
    private static readonly string[] Datelines = ["WASHINGTON (Reuters) – ", "TOKYO — ", "LONDON, Jan 13 (AP) - "];

    private static string AsTextFile(string body, string url, int index)
    {
        var text = new StringBuilder();
        text.Append(TitleFromUrl(url)).Append("\n\n");
        var author = Authors[index % Authors.Length];
        if (index % 5 == 0)
        {
            text.Append(author).Append('\n');
        }
        text.Append(index % 7 == 0 ? $"By {author} and {Authors[(index + 1) % Authors.Length]}, Reuters" : $"By {author}").Append('\n');
        text.Append(DateLines[index % DateLines.Length]).Append("\n\n");
        var paragraphs = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var p = 0; p < paragraphs.Length; p++)
        {
            if (p == 0 && index % 3 == 0 && !paragraphs[0].StartsWith('('))
            {
                text.Append(Datelines[index / 3 % Datelines.Length]);
            }
            text.Append(paragraphs[p]).Append("\n\n");
            switch (p)
            {
                case 1:
                    text.Append("Crews work near the site on Tuesday. (Jane Doe/Example Agency via Getty Images)\n\n");
                    break;
                case 3:
                    text.Append("Advertisement\n\n");
                    break;
                case 5:
                    text.Append("Sign up for our Morning Briefing newsletter to get the day's top stories in your inbox.\n")
                        .Append("By signing up, you agree to our Privacy Policy and Terms of Use.\n\n");
                    break;
            }
        }
        text.Append("Share this article\n\n")
            .Append(Authors[(index + 2) % Authors.Length]).Append(" contributed to this report.\n")
            .Append("© 2024 Example News Group. All rights reserved.\n");
        return index % 4 == 3 ? text.ToString().Replace("\n", "\r\n", StringComparison.Ordinal) : text.ToString();
    }

    /// <summary>"https://site/section/some-story-slug-123" → "Some story slug 123"; a headline-length line like the real title.</summary>
    private static string TitleFromUrl(string url)
    {
        var slug = url.TrimEnd('/').Split('/')[^1].Split('?')[0];
        slug = Path.GetFileNameWithoutExtension(slug).Replace('-', ' ').Replace('_', ' ').Trim();
        return slug.Length < 12 ? "Benchmark article headline" : char.ToUpperInvariant(slug[0]) + slug[1..];
    }

    public static IReadOnlyList<byte[]> HtmlPages() =>
        Directory.GetFiles(Path.Combine(ExtractionBenchmark, "html"), "*.html.gz")
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                gzip.CopyTo(buffer);
                return buffer.ToArray();
            })
            .ToList();

    private static string FindDataRoot()
    {
        if (Environment.GetEnvironmentVariable("INGEST_SHARED_DATA") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "extraction-benchmark")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("Could not find shared/data beside the repository; set INGEST_SHARED_DATA.");
    }
}
