using System.Diagnostics;

namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// What a training run produced. <see cref="Dev"/> measures the model trained without the GMB dev portion, so it
/// stays a held-out figure when <see cref="NerTrainingOptions.RefitWithDev"/> then trains the written model on
/// train + dev. <see cref="TrainSentences"/> counts every sentence the written model was trained on, the extra
/// corpora included.
/// </summary>
public sealed record NerTrainingResult(
    string ModelPath,
    long ModelBytes,
    int TrainSentences,
    int DevSentences,
    int FeatureRows,
    TimeSpan Elapsed,
    NerEvaluationReport Dev);

/// <summary>
/// Trains the offline tagger: reads GMB, takes the train portion of <see cref="GmbSplit"/> plus the extra
/// corpora, builds the word lexicon from their text and the unlabeled text and the gazetteer from its labels, keeps
/// feature keys seen at least <see cref="NerTrainingOptions.MinFeatureCount"/> times, runs
/// <see cref="NerTrainingOptions.Ensemble"/> averaged perceptrons over differently shuffled orders and averages
/// them, prunes near-zero weights, fits the confidence temperature on the dev portion and measures the model there.
/// With <see cref="NerTrainingOptions.RefitWithDev"/> the same recipe is then run again on train + dev, keeping the
/// fitted temperature, and that model is written.
/// </summary>
public static class NerTrainer
{
    public static NerTrainingResult Train(NerTrainingOptions options)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var log = options.Log ?? (_ => { });

        var gmb = GmbCsvReader.ReadFile(options.GmbPath);
        var train = GmbSplit.Select(gmb.Sentences, GmbPortion.Train).ToList();
        var dev = GmbSplit.Select(gmb.Sentences, GmbPortion.Dev);
        log($"GMB: {gmb.Sentences.Count} sentences; train {train.Count}, dev {dev.Count} after de-duplication ({clock.Elapsed.TotalSeconds:F1}s)");
        foreach (var extra in options.ExtraTrainingFiles)
        {
            var corpus = NerCorpusReader.ReadFile(Path.Combine(options.DataDirectory, extra));
            train.AddRange(corpus.Sentences);
            log($"{extra}: {corpus.Sentences.Count} sentences added to training");
        }
        var unlabeled = new List<IReadOnlyList<string>>();
        foreach (var file in options.UnlabeledTextFiles)
        {
            unlabeled.AddRange(UnlabeledTextReader.ReadFile(Path.Combine(options.DataDirectory, file)));
        }

        var measured = Fit(train, unlabeled, options, log, clock);
        var temperature = ConfidenceCalibration.FitTemperature(measured, dev);
        measured = measured.WithConfidenceTemperature(temperature);
        var measuredRecognizer = new OfflineEntityRecognizer(measured);
        var devReport = NerEvaluator.Evaluate(text => measuredRecognizer.Recognize(text, "en").Entities, new NerCorpus("gmb-dev", NerTagScheme.Bio, dev));
        log($"dev micro F1 {devReport.Micro.F1:F4} (model trained without dev); confidence temperature {temperature} ({clock.Elapsed.TotalSeconds:F1}s)");

        var model = measured;
        if (options.RefitWithDev)
        {
            train.AddRange(dev);
            model = Fit(train, unlabeled, options, log, clock).WithConfidenceTemperature(temperature);
            log($"refitted on train + dev ({clock.Elapsed.TotalSeconds:F1}s)");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!);
        using (var file = File.Create(options.OutputPath))
        {
            model.Write(file);
        }
        return new NerTrainingResult(
            options.OutputPath, new FileInfo(options.OutputPath).Length, train.Count, dev.Count, model.FeatureRowCount, clock.Elapsed, devReport);
    }

    /// <summary>Lexicon, gazetteer, feature rows and weights from these sentences; confidence temperature 1.</summary>
    private static NerModel Fit(
        List<NerSentence> train, List<IReadOnlyList<string>> unlabeled, NerTrainingOptions options, Action<string> log, Stopwatch clock)
    {
        var text = train.Select(s => (IReadOnlyList<string>)s.Words).Concat(unlabeled).ToList();
        var lexicon = WordLexiconBuilder.Build(text, options.Seed);
        log($"lexicon from {text.Count} sentences ({clock.Elapsed.TotalSeconds:F1}s)");
        var tags = new TagSet(NerEntityTypes.All);
        var traits = train.Select(s => TraitsOf(s.Words, lexicon, Gazetteer.Empty)).ToList();
        var gazetteer = GazetteerBuilder.Build(train, traits, tags, _ => true);
        GazetteerBuilder.MarkJackknifed(train, traits, tags);
        var keys = traits.Select(KeysOf).ToList();
        var rowOfKey = SelectFeatureRows(keys, options.MinFeatureCount);
        var sentences = train.Select((s, i) => new TrainingSentence(ToRows(keys[i], rowOfKey), s.Tags.Select(tags.IndexOf).ToArray())).ToList();
        keys.Clear();
        log($"{train.Count} sentences; lexicon {lexicon.Count} words; gazetteer {gazetteer.Count} phrases; {rowOfKey.Count} feature rows ({clock.Elapsed.TotalSeconds:F1}s)");

        var (weights, transitions) = TrainEnsemble(rowOfKey.Count, sentences, tags.Count, options, log, clock);
        var (prunedRows, prunedWeights) = Prune(rowOfKey, weights, tags.Count, options.PruneBelow);
        log($"kept {prunedRows.Count} rows after pruning ({clock.Elapsed.TotalSeconds:F1}s)");
        return new NerModel(options.ModelVersion, tags, lexicon, gazetteer, prunedRows, prunedWeights, transitions, 1f);
    }

    /// <summary>
    /// The mean of <see cref="NerTrainingOptions.Ensemble"/> averaged perceptrons that differ only in the order they
    /// saw the sentences (seeds Seed, Seed + 1, …). The mean of linear models is one linear model, so the tagger pays
    /// nothing at run time for it; it smooths the order-dependence of any single perceptron.
    /// </summary>
    private static (float[] Weights, float[] Transitions) TrainEnsemble(
        int rowCount, List<TrainingSentence> sentences, int tagCount, NerTrainingOptions options, Action<string> log, Stopwatch clock)
    {
        (float[] Weights, float[] Transitions) Member(int member)
        {
            var perceptron = new AveragedPerceptron(rowCount, tagCount);
            RunEpochs(perceptron, sentences, tagCount, options.Epochs, options.Seed + member, log, clock);
            return perceptron.Averaged();
        }

        var (weights, transitions) = Member(0);
        for (var member = 1; member < options.Ensemble; member++)
        {
            var (w, t) = Member(member);
            AddTo(weights, w);
            AddTo(transitions, t);
        }
        Scale(weights, 1f / options.Ensemble);
        Scale(transitions, 1f / options.Ensemble);
        return (weights, transitions);
    }

    private static void AddTo(float[] sum, float[] values)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += values[i];
        }
    }

    private static void Scale(float[] values, float factor)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }

    internal static TokenTraits[] TraitsOf(string[] words, WordLexicon lexicon, Gazetteer gazetteer)
    {
        var traits = new TokenTraits[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            traits[i] = TokenTraits.Of(words[i], lexicon);
        }
        TokenTraits.AddSentenceContext(traits, gazetteer);
        return traits;
    }

    private static ulong[] KeysOf(TokenTraits[] sentence)
    {
        var keys = new ulong[sentence.Length * FeatureTemplates.Count];
        for (var i = 0; i < sentence.Length; i++)
        {
            FeatureTemplates.Extract(sentence, i, keys.AsSpan(i * FeatureTemplates.Count, FeatureTemplates.Count));
        }
        return keys;
    }

    /// <summary>Rows for keys seen often enough, numbered in key order so that row numbers do not depend on hash-table layout.</summary>
    private static Dictionary<ulong, int> SelectFeatureRows(List<ulong[]> keys, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var sentence in keys)
        {
            foreach (var key in sentence)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var kept = counts.Where(c => c.Value >= minCount).Select(c => c.Key).Order().ToArray();
        var rows = new Dictionary<ulong, int>(kept.Length);
        for (var i = 0; i < kept.Length; i++)
        {
            rows[kept[i]] = i;
        }
        return rows;
    }

    private static int[] ToRows(ulong[] keys, Dictionary<ulong, int> rowOfKey)
    {
        var rows = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            rows[i] = rowOfKey.TryGetValue(keys[i], out var row) ? row : -1;
        }
        return rows;
    }

    private static void RunEpochs(
        AveragedPerceptron perceptron, List<TrainingSentence> sentences, int tagCount, int epochs, int seed, Action<string> log, Stopwatch clock)
    {
        var longest = sentences.Max(s => s.Gold.Length);
        var emission = new float[longest * tagCount];
        var forward = new float[longest * tagCount];
        var backPointer = new int[longest * tagCount];
        var predicted = new int[longest];
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            var wrong = 0;
            foreach (var index in order)
            {
                wrong += perceptron.Learn(sentences[index], emission, forward, backPointer, predicted) ? 1 : 0;
            }
            log($"seed {seed} epoch {epoch}: {wrong} of {sentences.Count} sentences mis-tagged ({clock.Elapsed.TotalSeconds:F1}s)");
        }
    }

    /// <summary>Zeroes weights below the threshold and drops rows with nothing left; keeps key order.</summary>
    private static (Dictionary<ulong, int> Rows, float[] Weights) Prune(
        Dictionary<ulong, int> rowOfKey, float[] weights, int tagCount, float threshold)
    {
        var rows = new Dictionary<ulong, int>();
        var kept = new List<float>();
        foreach (var (key, row) in rowOfKey.OrderBy(r => r.Value))
        {
            var w = weights.AsSpan(row * tagCount, tagCount);
            var any = false;
            foreach (var value in w)
            {
                any |= MathF.Abs(value) >= threshold;
            }
            if (!any)
            {
                continue;
            }
            rows[key] = rows.Count;
            foreach (var value in w)
            {
                kept.Add(MathF.Abs(value) >= threshold ? value : 0f);
            }
        }
        return (rows, kept.ToArray());
    }
}
