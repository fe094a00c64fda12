using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// Scores a recognizer against labelled corpora, entity by entity: a prediction counts only if its category,
/// start and end all match a gold entity. Each sentence's tokens are joined by single spaces (one sentence per
/// line) and each document (up to <see cref="MaxSentencesPerCall"/> sentences at a time) is given to the
/// recognizer as raw text, so the recognizer's own tokenizer, sentence splitter and article-level consistency
/// are part of what is measured; gold entities become character spans of that text. GMB keeps no document
/// boundaries, so its sentences are recognized one by one.
/// For IO and unprefixed corpora, where adjacent entities of one type cannot be told apart in the gold data,
/// predicted mentions of one category separated by a single space are merged before scoring, so a correct
/// split into two names is not counted as two errors against one merged gold span.
/// Only <see cref="DefaultCategories"/> are scored unless told otherwise; other gold types (MISC) and
/// predictions of other categories are ignored.
/// </summary>
public static class NerEvaluator
{
    public static readonly IReadOnlyList<string> DefaultCategories =
        [EntityCategories.Person, EntityCategories.Location, EntityCategories.Organization];

    public const int MaxSentencesPerCall = 200;

    /// <summary>
    /// Evaluates each file (format detected from its content). For the GMB CSV only the de-duplicated test portion
    /// of <see cref="GmbSplit"/> is scored, since the rest may have been trained on.
    /// </summary>
    public static IReadOnlyList<NerEvaluationReport> EvaluateFiles(
        IEntityRecognizer recognizer, IEnumerable<string> paths, IReadOnlyCollection<string>? categories = null)
    {
        var reports = new List<NerEvaluationReport>();
        foreach (var path in paths)
        {
            var corpus = NerCorpusReader.ReadFile(path);
            if (NerCorpusReader.IsGmbCsv(path))
            {
                corpus = corpus with { Name = corpus.Name + " (test portion)", Sentences = GmbSplit.Select(corpus.Sentences, GmbPortion.Test) };
            }
            reports.Add(Evaluate(recognizer, corpus, categories));
        }
        return reports;
    }

    public static NerEvaluationReport Evaluate(IEntityRecognizer recognizer, NerCorpus corpus, IReadOnlyCollection<string>? categories = null)
    {
        categories ??= DefaultCategories.ToArray();
        var counts = categories.ToDictionary(c => c, _ => NerScore.Zero);
        var tokens = 0;
        var documents = corpus.Sentences.GroupBy(s => s.Document).SelectMany(d => d.Chunk(MaxSentencesPerCall));
        foreach (var chunk in documents)
        {
            var (text, gold) = Render(chunk, categories);
            tokens += chunk.Sum(s => s.Words.Length);
            var result = recognizer.RecognizeAsync(text, "en", CancellationToken.None).GetAwaiter().GetResult();
            var predicted = result.Entities
                .Where(m => categories.Contains(m.Category))
                .Select(m => new GoldSpan(m.Offset, m.Length, m.Category))
                .OrderBy(m => m.Offset)
                .ToList();
            if (corpus.Scheme != NerTagScheme.Bio)
            {
                predicted = MergeAdjacent(text, predicted);
            }
            Count(gold, predicted, counts);
        }
        var micro = counts.Values.Aggregate(NerScore.Zero, (a, b) => a + b);
        return new NerEvaluationReport(corpus.Name, corpus.Scheme, corpus.Sentences.Count, tokens, counts, micro);
    }

    internal readonly record struct GoldSpan(int Offset, int Length, string Category);

    /// <summary>The chunk as text, one sentence per line, and its gold entities as character spans.</summary>
    internal static (string Text, List<GoldSpan> Gold) Render(IEnumerable<NerSentence> sentences, IReadOnlyCollection<string> categories)
    {
        var text = new System.Text.StringBuilder();
        var gold = new List<GoldSpan>();
        var starts = new List<int>();
        foreach (var sentence in sentences)
        {
            starts.Clear();
            for (var i = 0; i < sentence.Words.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }
                starts.Add(text.Length);
                text.Append(sentence.Words[i]);
            }
            foreach (var (start, end, type) in sentence.Entities())
            {
                var category = NerEntityTypes.ToCategory(type);
                if (category is not null && categories.Contains(category))
                {
                    var offset = starts[start];
                    gold.Add(new GoldSpan(offset, starts[end - 1] + sentence.Words[end - 1].Length - offset, category));
                }
            }
            text.Append('\n');
        }
        return (text.ToString(), gold);
    }

    internal static List<GoldSpan> MergeAdjacent(string text, List<GoldSpan> sorted)
    {
        var merged = new List<GoldSpan>(sorted.Count);
        foreach (var span in sorted)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                var gap = last.Offset + last.Length;
                if (last.Category == span.Category && gap + 1 == span.Offset && text[gap] == ' ')
                {
                    merged[^1] = last with { Length = span.Offset + span.Length - last.Offset };
                    continue;
                }
            }
            merged.Add(span);
        }
        return merged;
    }

    internal static void Count(List<GoldSpan> gold, List<GoldSpan> predicted, Dictionary<string, NerScore> counts)
    {
        var goldSet = gold.ToHashSet();
        var predictedSet = predicted.ToHashSet();
        foreach (var span in predictedSet)
        {
            var hit = goldSet.Contains(span);
            counts[span.Category] += hit ? new NerScore(1, 0, 0) : new NerScore(0, 1, 0);
        }
        foreach (var span in goldSet)
        {
            if (!predictedSet.Contains(span))
            {
                counts[span.Category] += new NerScore(0, 0, 1);
            }
        }
    }
}
