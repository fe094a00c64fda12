using System.Buffers;
using Ingest.Core.Articles;
using Ingest.Core.Recognition.Offline.Rules;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// The default, network-free recognizer: the statistical tagger (Person, Location, Organization, Event,
/// Product) plus the pattern rules (DateTime, Quantity, URL, Email, PhoneNumber, IP). The model is the one
/// embedded in this assembly unless another is given; it is loaded once, on first use, and never changes after,
/// so one instance may serve any number of concurrent calls.
/// The tagger is trained on English news, so for a text declared in another language only the rules run.
/// </summary>
public sealed class OfflineEntityRecognizer : IEntityRecognizer
{
    public const string RecognizerName = "ingest-offline";

    /// <summary>Manifest name of the embedded model (Ingest.Core.csproj gives it this LogicalName).</summary>
    public const string EmbeddedModelResource = "Ingest.Core.Recognition.Offline.Model.ner-model.bin.gz";

    private readonly Lazy<NerModel> _model;

    /// <summary>Uses the model embedded in Ingest.Core.</summary>
    public OfflineEntityRecognizer()
        : this(new Lazy<NerModel>(LoadEmbeddedModel, LazyThreadSafetyMode.ExecutionAndPublication))
    {
    }

    public OfflineEntityRecognizer(NerModel model)
        : this(new Lazy<NerModel>(model))
    {
    }

    private OfflineEntityRecognizer(Lazy<NerModel> model) => _model = model;

    public static OfflineEntityRecognizer FromFile(string modelPath)
    {
        using var file = File.OpenRead(modelPath);
        return new OfflineEntityRecognizer(NerModel.Read(file));
    }

    public static NerModel LoadEmbeddedModel()
    {
        using var stream = typeof(OfflineEntityRecognizer).Assembly.GetManifestResourceStream(EmbeddedModelResource)
            ?? throw new InvalidOperationException($"The embedded NER model '{EmbeddedModelResource}' is missing from Ingest.Core.");
        return NerModel.Read(stream);
    }

    /// <summary>The loaded model (loads it if this is the first use).</summary>
    public NerModel Model => _model.Value;

    /// <summary>The work is CPU-bound and in memory, so this completes synchronously; see <see cref="Recognize"/>.</summary>
    public Task<RecognitionResult> RecognizeAsync(string text, string? language, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Recognize(text, language, cancellationToken));
        }
        catch (OperationCanceledException canceled) when (canceled.CancellationToken == cancellationToken)
        {
            return Task.FromCanceled<RecognitionResult>(cancellationToken);
        }
    }

    public RecognitionResult Recognize(string text, string? language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        var info = new RecognizerInfo { Name = RecognizerName, Version = Model.Version };
        var patterns = PatternEntityRecognizer.Recognize(text);
        if (language is not null && !language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return new RecognitionResult(patterns, info);
        }
        var names = Tag(text, cancellationToken);
        return new RecognitionResult(MentionMerger.Merge(names, patterns), info);
    }

    /// <summary>The tagger's mentions alone, in text order.</summary>
    public List<EntityMention> Tag(string text, CancellationToken cancellationToken = default)
    {
        var model = Model;
        var tokens = TextTokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var mentions = new List<EntityMention>();
        var longest = sentences.Count == 0 ? 0 : sentences.Max(s => s.Count);
        var traits = ArrayPool<TokenTraits>.Shared.Rent(longest);
        var tags = ArrayPool<int>.Shared.Rent(longest);
        var confidence = ArrayPool<float>.Shared.Rent(longest);
        Span<char> recased = stackalloc char[HeadlineCasing.MaxWordLength];
        try
        {
            foreach (var sentence in sentences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var headline = HeadlineCasing.IsHeadline(text, tokens, sentence);
                for (var i = 0; i < sentence.Count; i++)
                {
                    var word = tokens[sentence.First + i].In(text);
                    traits[i] = TokenTraits.Of(headline ? HeadlineCasing.Recase(word, model.Lexicon, recased) : word, model.Lexicon);
                }
                TokenTraits.AddSentenceContext(traits.AsSpan(0, sentence.Count), model.Gazetteer);
                SequenceDecoder.Decode(model, traits.AsSpan(0, sentence.Count), tags.AsSpan(0, sentence.Count), confidence.AsSpan(0, sentence.Count));
                AddMentions(text, tokens, sentence, model.Tags, tags, confidence, mentions);
            }
        }
        finally
        {
            ArrayPool<TokenTraits>.Shared.Return(traits);
            ArrayPool<int>.Shared.Return(tags);
            ArrayPool<float>.Shared.Return(confidence);
        }
        // Article-wide rules, weakest evidence first so that a stronger one can override (each class says what it reads;
        // the recognizer README lists them in this order).
        // 1. Retyping single mentions by their own shape: the odd item of a list, landform heads, teams, acronyms, clubs.
        var retyped = ListConsistency.Apply(mentions, text);
        retyped = PlaceHeads.Apply(retyped);
        retyped = TeamNames.Apply(retyped, model.Lexicon);
        retyped = Acronyms.Apply(retyped, text, tokens);
        retyped = SportsTeams.Apply(retyped, text, model.Gazetteer, model.Tags);
        // 2. One category per name, short names as their full name, names qualified by a place or ending a route.
        var consistent = ShortNamePropagation.Apply(DocumentConsistency.Apply(retyped), text, tokens, sentences, model.Lexicon);
        var qualified = PlaceQualifiers.Apply(consistent, text);
        // 3. Names as the article defines them, then the shapes that settle a name whatever the tagger read inside it.
        var defined = DefinedNames.Apply(qualified, text, tokens, sentences, model.Lexicon);
        var settled = PossessiveNames.Apply(defined, text);
        settled = HeadWordPhrases.Apply(settled, text, tokens, sentences, model.Lexicon);
        settled = UnitOrdinals.Apply(settled, text, tokens);
        settled = Nicknames.Apply(settled, text, tokens, sentences);
        return StreetNames.Apply(settled, text, tokens, sentences);
    }

    /// <summary>
    /// A one-word mention that is a doctrine ("Catholicism"), or a place that is a people's adjective ("the Prussian
    /// partition"; only places: "Adrian said" and "Meridian stock" are a person and a company).
    /// </summary>
    private static bool IsNotAName(string text, List<TextToken> tokens, int token, int sentenceEnd, string category)
    {
        var word = tokens[token].In(text);
        return Doctrines.IsDoctrine(word)
            || (category == EntityCategories.Location && token + 1 < sentenceEnd && Doctrines.IsPeopleAdjective(word, tokens[token + 1].In(text)));
    }

    /// <summary>Turns B/I runs into mentions; a mention's confidence is that of its least certain token.</summary>
    private static void AddMentions(
        string text, List<TextToken> tokens, SentenceSpan sentence, TagSet tagSet, int[] tags, float[] confidence, List<EntityMention> mentions)
    {
        var i = 0;
        while (i < sentence.Count)
        {
            if (!TagSet.IsBegin(tags[i]))
            {
                i++;
                continue;
            }
            var type = TagSet.TypeOf(tags[i]);
            var end = i + 1;
            var least = confidence[i];
            while (end < sentence.Count && TagSet.IsInside(tags[end]) && TagSet.TypeOf(tags[end]) == type)
            {
                least = MathF.Min(least, confidence[end]);
                end++;
            }
            var category = NerEntityTypes.ToCategory(tagSet.Types[type]);
            var first = LeadingTitles.FirstNameToken(text, tokens, sentence.First, sentence.First + i, sentence.First + end, ref category) - sentence.First;
            if (category is not null && !(end - first == 1 && IsNotAName(text, tokens, sentence.First + first, sentence.First + sentence.Count, category)))
            {
                var start = tokens[sentence.First + first].Start;
                var stop = tokens[sentence.First + end - 1].End;
                mentions.Add(new EntityMention
                {
                    Text = text[start..stop],
                    Category = category,
                    Offset = start,
                    Length = stop - start,
                    Confidence = Math.Round(least, 3),
                });
            }
            i = end;
        }
    }
}
