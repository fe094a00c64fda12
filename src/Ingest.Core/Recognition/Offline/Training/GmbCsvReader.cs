using System.Text;

namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// Reads the GMB-derived <c>ner_dataset.csv</c>: header <c>Sentence #,Word,POS,Tag</c>, one token per row,
/// the sentence number only on a sentence's first row, Windows-1252 bytes, CRLF lines, BIO tags over the GMB
/// types. Tags are mapped by <see cref="CorpusLabelMapper"/> (gpe by part of speech) and person titles removed
/// by <see cref="PersonTitles"/>.
/// </summary>
public static class GmbCsvReader
{
    public const string Header = "Sentence #,Word,POS,Tag";

    public static Encoding FileEncoding
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    public static NerCorpus ReadFile(string path)
    {
        using var reader = new StreamReader(path, FileEncoding, detectEncodingFromByteOrderMarks: false);
        return Read(reader, Path.GetFileName(path));
    }

    public static NerCorpus Read(TextReader reader, string name)
    {
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("Sentence #", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name}: not a GMB CSV (expected the header '{Header}').");
        }

        var sentences = new List<NerSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        var fields = new List<string>(4);
        string? line;
        var lineNumber = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            SplitCsvLine(line, fields);
            if (fields.Count != 4)
            {
                throw new InvalidDataException($"{name}:{lineNumber}: expected 4 fields, found {fields.Count}.");
            }
            if (fields[0].Length > 0 && words.Count > 0)
            {
                sentences.Add(Finish(words, tags, sentences.Count));
            }
            words.Add(fields[1]);
            tags.Add(MapTag(fields[3], fields[2]));
        }
        if (words.Count > 0)
        {
            sentences.Add(Finish(words, tags, sentences.Count));
        }
        return new NerCorpus(name, NerTagScheme.Bio, sentences);
    }

    /// <summary>GMB's CSV keeps no document boundaries, so each sentence is its own document.</summary>
    private static NerSentence Finish(List<string> words, List<string> tags, int document)
    {
        var w = words.ToArray();
        var t = tags.ToArray();
        RepairContinuations(t);
        PersonTitles.StripLeadingTitles(w, t);
        words.Clear();
        tags.Clear();
        return new NerSentence(w, t, document);
    }

    private static string MapTag(string tag, string partOfSpeech)
    {
        if (tag == "O" || tag.Length < 3)
        {
            return "O";
        }
        var type = CorpusLabelMapper.ToInternalType(tag[2..], partOfSpeech);
        return type is null ? "O" : tag[..2] + type;
    }

    /// <summary>
    /// Mapping gpe by part of speech can split a gpe span into a LOC part and a NORP part, leaving an I- tag
    /// that continues a different type; such an I- starts a new entity.
    /// </summary>
    internal static void RepairContinuations(string[] tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i].StartsWith("I-", StringComparison.Ordinal)
                && (i == 0 || tags[i - 1] == "O" || tags[i - 1].AsSpan(2).SequenceEqual(tags[i].AsSpan(2)) is false))
            {
                tags[i] = "B-" + tags[i][2..];
            }
        }
    }

    /// <summary>Standard CSV: fields separated by commas, a quoted field may hold commas and doubled quotes.</summary>
    internal static void SplitCsvLine(string line, List<string> fields)
    {
        fields.Clear();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
            }
            while (i < line.Length && line[i] != ',')
            {
                field.Append(line[i++]);
            }
            fields.Add(field.ToString());
            if (i >= line.Length)
            {
                return;
            }
            i++;
        }
    }
}
