namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// Reads CoNLL-style files: one token per line, the token in the first column and its label in the last,
/// columns separated by tabs when the line has one (BTC tokens may contain spaces) and by spaces otherwise
/// (wikigold; SEC's 4-column <c>token POS - tag</c>). Blank lines and <c>-DOCSTART-</c> lines end a sentence.
/// <c>-DOCSTART-</c> also starts a new document (<see cref="NerSentence.Document"/>).
/// The tag scheme is detected per file: any <c>B-</c> means BIO/IOB2, only <c>I-</c> means IO, and bare labels
/// (GUM) mean unprefixed; all are converted to IOB2, where a run of one type in IO or unprefixed data is one
/// entity because those formats cannot mark a boundary between adjacent entities.
/// </summary>
public static class ConllReader
{
    public static NerCorpus ReadFile(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path));
    }

    public static NerCorpus Read(TextReader reader, string name)
    {
        var raw = new List<(List<string> Words, List<string> Labels, int Document)>();
        var document = 0;
        var words = new List<string>();
        var labels = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var trimmed = line.AsSpan().Trim();
            if (trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                document += raw.Count > 0 ? 1 : 0;
                continue;
            }
            if (trimmed.IsEmpty)
            {
                Flush();
                continue;
            }
            var (word, label) = SplitLine(line);
            words.Add(word);
            labels.Add(label);
        }
        Flush();

        var scheme = DetectScheme(raw.SelectMany(s => s.Labels));
        var sentences = raw.Select(s => new NerSentence(s.Words.ToArray(), ToIob2(s.Labels), s.Document)).ToList();
        return new NerCorpus(name, scheme, sentences);

        void Flush()
        {
            if (words.Count > 0)
            {
                raw.Add((words, labels, document));
                words = [];
                labels = [];
            }
        }
    }

    private static (string Word, string Label) SplitLine(string line)
    {
        string[] fields = line.Contains('\t')
            ? line.Split('\t', StringSplitOptions.TrimEntries)
            : line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
        {
            // A token with no label column is outside any entity.
            return (fields[0], "O");
        }
        return (fields[0], fields[^1]);
    }

    internal static NerTagScheme DetectScheme(IEnumerable<string> labels)
    {
        var sawInside = false;
        foreach (var label in labels)
        {
            if (label.StartsWith("B-", StringComparison.Ordinal))
            {
                return NerTagScheme.Bio;
            }
            sawInside |= label.StartsWith("I-", StringComparison.Ordinal);
        }
        return sawInside ? NerTagScheme.Io : NerTagScheme.Unprefixed;
    }

    /// <summary>
    /// B-X always opens an entity; I-X (or a bare X) continues the previous token's entity when it has the same
    /// type and opens a new one otherwise, which also reads IOB1 correctly.
    /// </summary>
    internal static string[] ToIob2(List<string> labels)
    {
        var tags = new string[labels.Count];
        string? previousType = null;
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var begins = label.StartsWith("B-", StringComparison.Ordinal);
            var bare = label.Length > 2 && label[1] == '-' && label[0] is 'B' or 'I' ? label[2..] : label;
            var type = bare == "O" ? null : CorpusLabelMapper.ToInternalType(bare);
            if (type is null)
            {
                tags[i] = "O";
            }
            else if (begins || type != previousType)
            {
                tags[i] = "B-" + type;
            }
            else
            {
                tags[i] = "I-" + type;
            }
            previousType = type;
        }
        return tags;
    }
}
