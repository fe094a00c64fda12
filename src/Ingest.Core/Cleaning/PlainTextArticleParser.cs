using System.Buffers;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Reads a plain-text news article: the first line is the title; the lines just below it may hold the
/// byline, the author's name, the date and a source line; boilerplate (captions, newsletter and privacy
/// blurbs, share/follow prompts, contributor credits, repeated headers, ads) can appear anywhere. Body
/// paragraphs are all kept. Works on text already passed through <see cref="TextNormalizer.NormalizeLines"/>.
/// </summary>
public static class PlainTextArticleParser
{
    /// <summary>How many non-blank lines below the title are searched for byline, author name and date.</summary>
    private const int HeaderLines = 8;

    /// <summary>Lines of this many words or more are article prose; the header ends at the second one.</summary>
    private const int ProseWords = 15;

    /// <param name="normalizedText">The article, normalized.</param>
    /// <param name="firstLineIsTitle">False for a body whose title came from elsewhere (a JSON field, a Markdown heading).</param>
    public static PlainTextAnalysis Analyze(string normalizedText, bool firstLineIsTitle = true)
    {
        var lines = normalizedText.Split('\n');
        var kinds = new LineKind[lines.Length];
        var words = new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Trim();
            words[i] = TextNormalizer.CountWords(lines[i]);
            kinds[i] = lines[i].Length == 0 ? LineKind.Blank : LineKind.Body;
        }

        var metadata = new MetadataCollector();
        var titleIndex = firstLineIsTitle ? FindTitle(lines, kinds, words, metadata) : -1;
        ClassifyHeader(lines, kinds, words, titleIndex, metadata);
        ClassifyEverywhere(lines, kinds, words, metadata);
        MarkRepeatedLines(lines, kinds, words, titleIndex);
        var datelineLength = ReadDateline(lines, kinds, metadata);

        var text = JoinBody(lines, kinds, datelineLength);
        return new PlainTextAnalysis(lines, kinds, metadata.Build(titleIndex >= 0 ? lines[titleIndex] : null), text, CountBodyWords(lines, kinds, words, datelineLength));
    }

    /// <summary>The first non-blank line is the title, unless it is itself boilerplate (a source or share line printed above it).</summary>
    private static int FindTitle(string[] lines, LineKind[] kinds, int[] words, MetadataCollector metadata)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (kinds[i] == LineKind.Blank)
            {
                continue;
            }
            if (TryMarkBoilerplate(lines, kinds, words, metadata, i))
            {
                continue;
            }
            if (IsRunningHeader(lines, i))
            {
                // The site name printed above the headline and again further down is the page header, not the title.
                continue;
            }
            kinds[i] = LineKind.Title;
            return i;
        }
        return -1;
    }

    private static bool IsRunningHeader(string[] lines, int index)
    {
        for (var i = index + 1; i < lines.Length; i++)
        {
            if (string.Equals(lines[i], lines[index], StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static void ClassifyHeader(string[] lines, LineKind[] kinds, int[] words, int titleIndex, MetadataCollector metadata)
    {
        var seen = 0;
        var proseLines = 0;
        var nameCandidates = new List<int>();
        for (var i = titleIndex + 1; i < lines.Length && seen < HeaderLines && proseLines < 2; i++)
        {
            if (kinds[i] == LineKind.Blank)
            {
                continue;
            }
            seen++;
            var line = lines[i];
            if (BylineParser.TryParse(line) is { } byline)
            {
                kinds[i] = LineKind.Byline;
                metadata.OfferByline(byline);
                if (PublishedDateParser.Find(line) is { Value: { } glued })
                {
                    metadata.OfferDate(glued);
                }
                continue;
            }
            if (TryReadDateLine(line, requireLabel: false) is { } date)
            {
                kinds[i] = LineKind.PublishedDate;
                metadata.OfferDate(date.Value);
                continue;
            }
            if (words[i] <= 5 && BylineParser.LooksLikeName(line))
            {
                nameCandidates.Add(i);
                continue;
            }
            if (words[i] >= ProseWords)
            {
                proseLines++;
            }
        }
        // An author card prints the name above (or below) the "By …" line; drop it only when it is one of the byline's names.
        foreach (var i in nameCandidates)
        {
            if (metadata.HasAuthor(lines[i]))
            {
                kinds[i] = LineKind.AuthorName;
            }
        }
    }

    /// <summary>Marks a "From The X" source line (recording the outlet) or any other boilerplate line; false for anything else.</summary>
    private static bool TryMarkBoilerplate(string[] lines, LineKind[] kinds, int[] words, MetadataCollector metadata, int i)
    {
        if (BoilerplateLinePatterns.ReadSourceOutlet(lines[i], words[i]) is { } outlet)
        {
            kinds[i] = LineKind.SourceLine;
            metadata.OfferOutlet(outlet);
            return true;
        }
        if (BoilerplateLinePatterns.Classify(lines[i], words[i]) is { } kind)
        {
            kinds[i] = kind;
            return true;
        }
        return false;
    }

    private static void ClassifyEverywhere(string[] lines, LineKind[] kinds, int[] words, MetadataCollector metadata)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (kinds[i] != LineKind.Body)
            {
                continue;
            }
            if (TryMarkBoilerplate(lines, kinds, words, metadata, i))
            {
                continue;
            }
            // Outside the header only labelled dates ("Published April 24, 2024") are taken: a bare date there may be article content.
            if (TryReadDateLine(lines[i], requireLabel: true) is { } date)
            {
                kinds[i] = LineKind.PublishedDate;
                metadata.OfferDate(date.Value);
            }
        }
    }

    /// <summary>
    /// Short lines that occur more than once (a site name printed as a running header) and repeats of the
    /// title are page furniture. Lines ending like a sentence are spared: a quoted remark can recur.
    /// </summary>
    private static void MarkRepeatedLines(string[] lines, LineKind[] kinds, int[] words, int titleIndex)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (kinds[i] == LineKind.Body && words[i] <= 12)
            {
                counts[lines[i]] = counts.GetValueOrDefault(lines[i]) + 1;
            }
        }
        for (var i = 0; i < lines.Length; i++)
        {
            if (kinds[i] != LineKind.Body)
            {
                continue;
            }
            var repeatsTitle = titleIndex >= 0 && string.Equals(lines[i], lines[titleIndex], StringComparison.OrdinalIgnoreCase);
            var repeatsItself = words[i] <= 12 && counts.GetValueOrDefault(lines[i]) > 1 && !EndsLikeSentence(lines[i]);
            if (repeatsTitle || repeatsItself)
            {
                kinds[i] = LineKind.RepeatedHeader;
            }
        }
    }

    /// <summary>Records the dateline opening the first body line; returns how many of that line's characters it takes (0 when there is none), which the text leaves out.</summary>
    private static int ReadDateline(string[] lines, LineKind[] kinds, MetadataCollector metadata)
    {
        var first = Array.IndexOf(kinds, LineKind.Body);
        if (first < 0 || DatelineParser.TryParse(lines[first]) is not { } dateline || dateline.Length >= lines[first].Length)
        {
            return 0;
        }
        metadata.Dateline = dateline.Place;
        if (dateline.Agency is not null)
        {
            metadata.OfferOutlet(dateline.Agency);
        }
        return dateline.Length;
    }

    /// <summary>Filler allowed on a date line besides the date: labels, weekdays, separators and a short section name.</summary>
    private static readonly HashSet<string> DateLineFiller = new(StringComparer.OrdinalIgnoreCase)
    {
        "published", "updated", "posted", "last", "first", "on", "at", "modified", "date", "time", "am", "pm",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        // Weekdays in the other languages whose month names the date parser knows, and the words that join
        // a time to a date ("à", "às", "Uhr"). Articles and prepositions are left out: "Le 12 mars 2024, le
        // maire a signé" is a sentence, and counting "le" and "a" as filler would make it a date line.
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "uhr",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "segunda", "terça", "quarta", "quinta", "sexta", "feira", "às", "publicado", "actualizado", "atualizado",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    };

    private static readonly HashSet<string> DateLabels = new(StringComparer.OrdinalIgnoreCase) { "published", "updated", "posted", "modified" };

    /// <summary>
    /// A line that is a date and little else: at most two words of section name left over once the date,
    /// time, weekday and labels are taken away ("Politics April 24, 2024", "Updated 3:15 PM EDT, April 24, 2024").
    /// </summary>
    internal static PublishedDateParser.DateMatch? TryReadDateLine(string line, bool requireLabel)
    {
        // Every date form has digits, and a date line is short; most lines fail one of these cheap tests.
        if (line.Length > 90 || line.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return null;
        }
        if (requireLabel && !HasDateLabel(line))
        {
            return null;
        }
        var date = PublishedDateParser.Find(line);
        if (date is null)
        {
            return null;
        }
        var rest = string.Concat(line.AsSpan(0, date.Value.Index), " ", line.AsSpan(date.Value.Index + date.Value.Length));
        var leftover = 0;
        var labelled = false;
        foreach (var token in rest.Split([' ', ',', '|', '·', '•', ':', '-', '–', '—', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = token.TrimEnd('.');
            labelled |= DateLabels.Contains(word);
            if (DateLineFiller.Contains(word) || word.All(c => char.IsDigit(c) || c == ':' || c == '.') || word.Length <= 3 && word.All(char.IsUpper))
            {
                continue;
            }
            leftover++;
        }
        return leftover <= 2 && (labelled || !requireLabel) ? date : null;
    }

    private static bool HasDateLabel(string line)
    {
        foreach (var label in DateLabels)
        {
            if (line.Contains(label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool EndsLikeSentence(string line) => line.Length > 0 && line[^1] is '.' or '!' or '?' or '"' or '”' or '’' or '\'' or ':';

    /// <summary>
    /// Joins body lines into paragraphs. A blank line or a removed line ends a paragraph. Inside a block,
    /// a line that ends like a sentence also ends one, unless the next line continues in lower case; this
    /// keeps one-paragraph-per-line files as they are while unwrapping hard-wrapped text. The first
    /// <paramref name="datelineLength"/> characters of the first body line are the dateline and are left out.
    /// </summary>
    private static string JoinBody(string[] lines, LineKind[] kinds, int datelineLength)
    {
        // Body lines are trimmed and non-empty, so they go straight into one pooled buffer: no per-paragraph
        // string and no builder. The output is the body lines plus at most two separator characters per line.
        var capacity = 2 * lines.Length;
        foreach (var line in lines)
        {
            capacity += line.Length;
        }
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, capacity));
        try
        {
            var length = 0;
            var inParagraph = false;
            var skip = datelineLength;
            for (var i = 0; i < lines.Length; i++)
            {
                if (kinds[i] != LineKind.Body)
                {
                    inParagraph = false;
                    continue;
                }
                if (inParagraph)
                {
                    buffer[length++] = ' ';
                }
                else if (length > 0)
                {
                    buffer[length++] = '\n';
                    buffer[length++] = '\n';
                }
                lines[i].AsSpan(skip).CopyTo(buffer.AsSpan(length));
                length += lines[i].Length - skip;
                skip = 0;
                var next = i + 1 < lines.Length && kinds[i + 1] == LineKind.Body ? lines[i + 1] : null;
                inParagraph = next is not null && !(EndsLikeSentence(lines[i]) && !char.IsLower(next[0]));
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The words of the text <see cref="JoinBody"/> builds, from the per-line counts: lines are joined with
    /// whitespace and the dateline ends in whitespace, so no word spans two of the pieces and the sum is exact.
    /// </summary>
    private static int CountBodyWords(string[] lines, LineKind[] kinds, int[] words, int datelineLength)
    {
        var total = 0;
        var first = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (kinds[i] == LineKind.Body)
            {
                first = first < 0 ? i : first;
                total += words[i];
            }
        }
        return datelineLength > 0 ? total - TextNormalizer.CountWords(lines[first].AsSpan(0, datelineLength)) : total;
    }

    /// <summary>Keeps the first value found for each field; later mentions (a second date further down) do not override it.</summary>
    private sealed class MetadataCollector
    {
        private readonly List<string> _authors = [];
        private string? _publishedAt;
        private string? _outlet;

        public string? Dateline { get; set; }

        public void OfferByline(BylineParser.Byline byline)
        {
            foreach (var name in byline.Names)
            {
                if (!_authors.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    _authors.Add(name);
                }
            }
            if (byline.Agency is not null)
            {
                OfferOutlet(byline.Agency);
            }
        }

        public bool HasAuthor(string name) => _authors.Contains(name, StringComparer.OrdinalIgnoreCase);

        public void OfferDate(string? value) => _publishedAt ??= value;

        public void OfferOutlet(string outlet) => _outlet ??= outlet;

        public ArticleMetadata Build(string? title) => new()
        {
            Title = title,
            Byline = _authors,
            PublishedAt = _publishedAt,
            Dateline = Dateline,
            Outlet = _outlet,
        };
    }
}
