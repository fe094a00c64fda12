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
    /// Evaluates each file (format detected from its content). For the GMB CSV only one de-duplicated portion of
    /// <see cref="GmbSplit"/> is scored, the test portion unless <paramref name="gmbPortion"/> says otherwise: the rest
    /// may have been trained on. The dev portion with a model trained without it (`train ner --no-refit`) gives the
    /// figure the trainer reports.
    /// </summary>
    public static async Task<IReadOnlyList<NerEvaluationReport>> EvaluateFilesAsync(
        IEntityRecognizer recognizer,
        IEnumerable<string> paths,
        IReadOnlyCollection<string>? categories = null,
        GmbPortion gmbPortion = GmbPortion.Test,
        CancellationToken cancellationToken = default)
    {
        var reports = new List<NerEvaluationReport>();
        foreach (var path in paths)
        {
            var corpus = NerCorpusReader.ReadFile(path);
            if (NerCorpusReader.IsGmbCsv(path))
            {
                var portion = gmbPortion.ToString().ToLowerInvariant();
                corpus = corpus with { Name = $"{corpus.Name} ({portion} portion)", Sentences = GmbSplit.Select(corpus.Sentences, gmbPortion) };
            }
            reports.Add(await EvaluateAsync(recognizer, corpus, categories, cancellationToken).ConfigureAwait(false));
        }
        return reports;
    }

    public static async Task<NerEvaluationReport> EvaluateAsync(
        IEntityRecognizer recognizer,
        NerCorpus corpus,
        IReadOnlyCollection<string>? categories = null,
        CancellationToken cancellationToken = default)
    {
        var tally = new Tally(corpus, categories ?? DefaultCategories.ToArray());
        foreach (var chunk in Documents(corpus))
        {
            var (text, gold) = Render(chunk, tally.Categories);
            var result = await recognizer.RecognizeAsync(text, "en", cancellationToken).ConfigureAwait(false);
            tally.Add(chunk, text, gold, result.Entities);
        }
        return tally.Report();
    }

    /// <summary>The same scoring for a recognizer that answers synchronously (the trainer's dev report).</summary>
    internal static NerEvaluationReport Evaluate(Func<string, IReadOnlyList<EntityMention>> recognize, NerCorpus corpus)
    {
        var tally = new Tally(corpus, DefaultCategories.ToArray());
        foreach (var chunk in Documents(corpus))
        {
            var (text, gold) = Render(chunk, tally.Categories);
            tally.Add(chunk, text, gold, recognize(text));
        }
        return tally.Report();
    }

    private static IEnumerable<NerSentence[]> Documents(NerCorpus corpus) =>
        corpus.Sentences.GroupBy(s => s.Document).SelectMany(d => d.Chunk(MaxSentencesPerCall));

    /// <summary>Counts of one corpus's evaluation as its documents come back from the recognizer.</summary>
    private sealed class Tally(NerCorpus corpus, IReadOnlyCollection<string> categories)
    {
        private readonly Dictionary<string, NerScore> _counts = categories.ToDictionary(c => c, _ => NerScore.Zero);
        private readonly List<NerError> _errors = [];
        private int _tokens;

        public IReadOnlyCollection<string> Categories => categories;

        public void Add(NerSentence[] chunk, string text, List<GoldSpan> gold, IReadOnlyList<EntityMention> found)
        {
            _tokens += chunk.Sum(s => s.Words.Length);
            var predicted = found
                .Where(m => categories.Contains(m.Category))
                .Select(m => new GoldSpan(m.Offset, m.Length, m.Category))
                .OrderBy(m => m.Offset)
                .ToList();
            if (corpus.Scheme != NerTagScheme.Bio)
            {
                predicted = MergeAdjacent(text, predicted);
            }
            Count(gold, predicted, _counts);
            _errors.AddRange(NerError.Classify(text, gold, predicted));
        }

        public NerEvaluationReport Report() => new(
            corpus.Name, corpus.Scheme, corpus.Sentences.Count, _tokens, _counts,
            _counts.Values.Aggregate(NerScore.Zero, (a, b) => a + b))
        {
            Errors = _errors,
        };
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
