using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ingest.Core.Evaluation;

/// <summary>A source article the generator starts from: a title and a body of paragraphs separated by blank lines.</summary>
public sealed record DedupSourceArticle(string Key, string Title, string Body);

/// <summary>What a generated file should end as: the original, an exact or near copy of it, or a different story.</summary>
public enum DedupCaseKind
{
    Original,
    ExactCopy,
    NearCopy,
    HardNegative,
}

/// <summary>
/// One generated input file. <see cref="Cluster"/> names the original it copies (its own key for originals and
/// hard negatives); <see cref="Transform"/> says how it was made, for per-transform recall.
/// </summary>
public sealed record DedupCase(string Name, byte[] Content, string? ContentType, string Cluster, DedupCaseKind Kind, string Transform);

/// <summary>
/// The seeded test set of <c>ingest eval dedup</c>. Sources are shuffled with the seed and split: two thirds are
/// indexed as originals, one third are donors that are never indexed and only lend their text to hard negatives.
/// For each original it makes
/// <list type="bullet">
/// <item>exact copies: the same text as HTML, as JSON, as UTF-16 with CRLF, as Windows-1252 (when the text fits it);</item>
/// <item>near copies, each in a random format: boilerplate lines added around the story, 1–10 % of sentences edited
/// (a word replaced, dropped, inserted or two swapped), a paragraph dropped or added, two paragraphs swapped,
/// the last 5–12 % cut off, typos in about 2 % of words;</item>
/// </list>
/// and for each donor one hard negative against the original whose vocabulary it shares most: the donor's text
/// with its capitalized names replaced by that original's names, and for every second donor also two of the
/// original's sentences spliced in. Every file goes through the real <see cref="Cleaning.ArticleCleaner"/> in the evaluation.
/// The same seed and sources always give byte-identical cases.
/// </summary>
public static partial class DedupCorpusGenerator
{
    public const int DefaultSeed = 20261123;

    private static readonly string[] Boilerplate =
    [
        "Advertisement", "Share this article", "Subscribe to our newsletter for the latest updates.",
        "Follow us on Twitter and Facebook", "Read more: Top stories of the week", "Sign up for breaking news alerts",
        "Copyright 2026 Example Media Group. All rights reserved.", "Related coverage", "Comments are closed.",
    ];

    private static readonly string[] InsertedWords = ["also", "reportedly", "nearly", "recently", "officially", "still", "now"];

    private static readonly string[] AddedParagraphs =
    [
        "This story has been updated with additional comment from officials.",
        "An earlier version of this article misstated the date of the meeting. It has been corrected.",
        "Reporting was contributed by staff writers in the regional bureau.",
    ];

    public static IReadOnlyList<DedupCase> Generate(IReadOnlyList<DedupSourceArticle> sources, int seed)
    {
        var random = new Random(seed);
        var shuffled = sources.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        Shuffle(shuffled, random);
        var originalsCount = (int)Math.Ceiling(shuffled.Count * 2 / 3.0);
        var originals = shuffled.Take(originalsCount).ToList();
        var donors = shuffled.Skip(originalsCount).ToList();

        var cases = new List<DedupCase>();
        foreach (var original in originals)
        {
            cases.Add(AsText(original.Key, original.Title, original.Body, original.Key, DedupCaseKind.Original, "original"));
        }

        var variants = new List<DedupCase>();
        foreach (var original in originals)
        {
            variants.AddRange(ExactCopies(original));
            variants.AddRange(NearCopies(original, random));
        }
        for (var i = 0; i < donors.Count; i++)
        {
            // One negative per donor: two made from one donor would be near duplicates of each other, rightly.
            var target = MostSimilar(donors[i], originals);
            if (HardNegative(donors[i], target, spliced: i % 2 == 1, random) is { } negative)
            {
                variants.Add(negative);
            }
        }
        // Originals first, so "which article is the original" is never in doubt; the rest arrive in random order.
        Shuffle(variants, random);
        cases.AddRange(variants);
        return cases;
    }

    private static IEnumerable<DedupCase> ExactCopies(DedupSourceArticle a)
    {
        yield return AsHtml(a.Key, a.Title, a.Body, a.Key, DedupCaseKind.ExactCopy, "exact/html", boilerplate: false, new Random(0));
        yield return AsJson(a.Key, a.Title, a.Body, a.Key, DedupCaseKind.ExactCopy, "exact/json");
        var crlf = $"{a.Title}\r\n\r\n{a.Body.ReplaceLineEndings("\r\n")}";
        yield return new DedupCase($"{a.Key}.utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(crlf)], "text/plain", a.Key, DedupCaseKind.ExactCopy, "exact/utf16");
        if (TryEncodeWindows1252(crlf) is { } legacy)
        {
            yield return new DedupCase($"{a.Key}.cp1252.txt", legacy, "text/plain", a.Key, DedupCaseKind.ExactCopy, "exact/cp1252");
        }
    }

    private static IEnumerable<DedupCase> NearCopies(DedupSourceArticle a, Random random)
    {
        var paragraphs = Paragraphs(a.Body);
        yield return InRandomFormat(a, "near/boilerplate", a.Body, random, boilerplate: true);

        var rate = 0.01 + random.NextDouble() * 0.09;
        yield return InRandomFormat(a, rate <= 0.05 ? "near/edit-1-5%" : "near/edit-5-10%", EditSentences(a.Body, rate, random), random);

        if (paragraphs.Count >= 3)
        {
            var dropped = paragraphs.ToList();
            dropped.RemoveAt(1 + random.Next(dropped.Count - 1));
            yield return InRandomFormat(a, "near/paragraph-dropped", Join(dropped), random);

            var swapped = paragraphs.ToList();
            var i = random.Next(swapped.Count - 1);
            (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
            yield return InRandomFormat(a, "near/paragraphs-swapped", Join(swapped), random);
        }

        var added = paragraphs.ToList();
        added.Insert(random.Next(added.Count + 1), AddedParagraphs[random.Next(AddedParagraphs.Length)]);
        yield return InRandomFormat(a, "near/paragraph-added", Join(added), random);

        var sentences = Sentences(a.Body);
        if (sentences.Count >= 8)
        {
            var keep = (int)Math.Round(sentences.Count * (0.88 + random.NextDouble() * 0.07));
            yield return InRandomFormat(a, "near/truncated", string.Join(' ', sentences.Take(keep)), random);
        }

        yield return InRandomFormat(a, "near/typos", Typos(a.Body, 0.02, random), random);
    }

    private static DedupCase? HardNegative(DedupSourceArticle donor, DedupSourceArticle target, bool spliced, Random random)
    {
        var names = Names(target.Body);
        if (names.Count == 0)
        {
            return null;
        }
        var renamed = ReplaceNames(donor.Body, names);
        if (!spliced)
        {
            return AsText($"{donor.Key}-names-of-{target.Key}", donor.Title, renamed, donor.Key, DedupCaseKind.HardNegative, "negative/same-names");
        }
        var targetSentences = Sentences(target.Body);
        var paragraphs = Paragraphs(renamed);
        for (var i = 0; i < 2 && targetSentences.Count > 0; i++)
        {
            paragraphs.Insert(random.Next(paragraphs.Count + 1), targetSentences[random.Next(targetSentences.Count)]);
        }
        return AsText($"{donor.Key}-spliced-{target.Key}", donor.Title, Join(paragraphs), donor.Key, DedupCaseKind.HardNegative, "negative/spliced");
    }

    private static DedupCase InRandomFormat(DedupSourceArticle a, string transform, string body, Random random, bool boilerplate = false)
    {
        var name = $"{a.Key}.{transform.Replace('/', '.')}";
        return random.Next(3) switch
        {
            0 => AsHtml(name, a.Title, body, a.Key, DedupCaseKind.NearCopy, transform, boilerplate, random),
            1 when !boilerplate => AsJson(name, a.Title, body, a.Key, DedupCaseKind.NearCopy, transform),
            _ => AsText(name, a.Title, boilerplate ? WithBoilerplateLines(body, random) : body, a.Key, DedupCaseKind.NearCopy, transform),
        };
    }

    private static DedupCase AsText(string name, string title, string body, string cluster, DedupCaseKind kind, string transform) =>
        new($"{name}.txt", Encoding.UTF8.GetBytes($"{title}\n\n{body}\n"), "text/plain", cluster, kind, transform);

    private static DedupCase AsJson(string name, string title, string body, string cluster, DedupCaseKind kind, string transform) =>
        new($"{name}.json", JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["title"] = title, ["body"] = body }, JsonOptions),
            "application/json", cluster, kind, transform);

    private static DedupCase AsHtml(string name, string title, string body, string cluster, DedupCaseKind kind, string transform, bool boilerplate, Random random)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(Escape(title)).Append("</title></head><body>");
        if (boilerplate)
        {
            html.Append("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>");
        }
        html.Append("<article><h1>").Append(Escape(title)).Append("</h1>");
        foreach (var paragraph in Paragraphs(body))
        {
            html.Append("<p>").Append(Escape(paragraph)).Append("</p>");
        }
        html.Append("</article>");
        if (boilerplate)
        {
            html.Append("<aside><p>").Append(Boilerplate[random.Next(Boilerplate.Length)]).Append("</p></aside>");
            html.Append("<footer><p>").Append(Boilerplate[^3]).Append("</p></footer>");
        }
        html.Append("</body></html>");
        return new DedupCase($"{name}.html", Encoding.UTF8.GetBytes(html.ToString()), "text/html", cluster, kind, transform);
    }

    private static string WithBoilerplateLines(string body, Random random)
    {
        var paragraphs = Paragraphs(body).ToList();
        paragraphs.Insert(0, Boilerplate[random.Next(Boilerplate.Length)]);
        paragraphs.Insert(1 + random.Next(paragraphs.Count), Boilerplate[0]);
        paragraphs.Add(Boilerplate[random.Next(Boilerplate.Length)]);
        return Join(paragraphs);
    }

    /// <summary>Edits a share of the sentences, at least one, each with one small change.</summary>
    private static string EditSentences(string body, double rate, Random random)
    {
        var paragraphs = Paragraphs(body).Select(Sentences).ToList();
        var all = paragraphs.SelectMany((sentences, p) => sentences.Select((_, s) => (p, s))).ToList();
        var edits = Math.Max(1, (int)Math.Round(all.Count * rate));
        foreach (var (p, s) in all.OrderBy(_ => random.Next()).Take(edits))
        {
            paragraphs[p][s] = EditSentence(paragraphs[p][s], random);
        }
        return Join(paragraphs.Select(sentences => string.Join(' ', sentences)));
    }

    private static string EditSentence(string sentence, Random random)
    {
        var words = sentence.Split(' ').ToList();
        var at = random.Next(words.Count);
        switch (words.Count < 3 ? 2 : random.Next(4))
        {
            case 0:
                words[at] = InsertedWords[random.Next(InsertedWords.Length)];
                break;
            case 1:
                words.RemoveAt(at);
                break;
            case 2:
                words.Insert(at, InsertedWords[random.Next(InsertedWords.Length)]);
                break;
            default:
                var next = Math.Min(at + 1, words.Count - 1);
                (words[at], words[next]) = (words[next], words[at]);
                break;
        }
        return string.Join(' ', words);
    }

    private static string Typos(string body, double rate, Random random) =>
        WordPattern().Replace(body, match => match.Length >= 4 && random.NextDouble() < rate
            ? match.Value[..1] + match.Value[2] + match.Value[1] + match.Value[3..]
            : match.Value);

    private static string ReplaceNames(string body, IReadOnlyList<string> names)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        return NamePattern().Replace(body, match =>
        {
            if (!mapping.TryGetValue(match.Value, out var replacement))
            {
                mapping[match.Value] = replacement = names[mapping.Count % names.Count];
            }
            return replacement;
        });
    }

    /// <summary>Capitalized word runs not at a sentence start: a rough but deterministic stand-in for named entities.</summary>
    internal static IReadOnlyList<string> Names(string body) =>
        NamePattern().Matches(body).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

    private static DedupSourceArticle MostSimilar(DedupSourceArticle donor, IReadOnlyList<DedupSourceArticle> originals)
    {
        var words = Vocabulary(donor.Body);
        return originals
            .Select(o => (Original: o, Shared: Vocabulary(o.Body).Count(words.Contains)))
            .OrderByDescending(x => x.Shared).ThenBy(x => x.Original.Key, StringComparer.Ordinal)
            .First().Original;
    }

    private static HashSet<string> Vocabulary(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length > 3).ToHashSet(StringComparer.Ordinal);

    internal static List<string> Paragraphs(string body) =>
        body.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    internal static List<string> Sentences(string text) =>
        SentenceEnd().Split(text.ReplaceLineEndings(" ")).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static string Join(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static void Shuffle<T>(IList<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The text as Windows-1252 bytes, or null when it has a character that code page lacks.</summary>
    private static byte[]? TryEncodeWindows1252(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (!Decoding.Windows1252.TryGetByte(text[i], out bytes[i]))
            {
                return null;
            }
        }
        return bytes;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)*")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""“‘(])")]
    private static partial Regex SentenceEnd();
}
