using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline.Training;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

public class NerEvaluatorTests
{
    /// <summary>Returns fixed mentions, found by their text in the rendered corpus.</summary>
    private sealed class ScriptedRecognizer(params (string Text, string Category)[] answers) : IEntityRecognizer
    {
        public Task<RecognitionResult> RecognizeAsync(string text, string? language, CancellationToken cancellationToken)
        {
            var mentions = answers.Select(a => new EntityMention { Text = a.Text, Category = a.Category, Offset = text.IndexOf(a.Text, StringComparison.Ordinal), Length = a.Text.Length }).ToList();
            return Task.FromResult(new RecognitionResult(mentions, new RecognizerInfo { Name = "scripted", Version = "1" }));
        }
    }

    private static NerCorpus Corpus(NerTagScheme scheme, params NerSentence[] sentences) => new("tiny", scheme, sentences);

    [Fact]
    public async Task Scores_exact_entity_matches_per_category_and_micro()
    {
        // Gold: Person "Lena Ortiz", Location "Oslo", Organization "Vexa Corp".
        var corpus = Corpus(NerTagScheme.Bio, new NerSentence(
            ["Lena", "Ortiz", "left", "Vexa", "Corp", "for", "Oslo"],
            ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-LOC"]));
        // Predicted: Person right; "Vexa" has the wrong span (1 FP + 1 FN); "Oslo" as Organization (1 FP + 1 FN).
        var recognizer = new ScriptedRecognizer(
            ("Lena Ortiz", EntityCategories.Person), ("Vexa", EntityCategories.Organization), ("Oslo", EntityCategories.Organization),
            ("left", EntityCategories.DateTime));

        var report = await NerEvaluator.EvaluateAsync(recognizer, corpus);

        Assert.Equal(new NerScore(1, 0, 0), report.PerCategory[EntityCategories.Person]);
        Assert.Equal(new NerScore(0, 2, 1), report.PerCategory[EntityCategories.Organization]);
        Assert.Equal(new NerScore(0, 0, 1), report.PerCategory[EntityCategories.Location]);
        Assert.Equal(new NerScore(1, 2, 2), report.Micro);
        Assert.Equal(1.0 / 3, report.Micro.Precision, 10);
        Assert.Equal(1.0 / 3, report.Micro.Recall, 10);
        Assert.Equal(1.0 / 3, report.Micro.F1, 10);
    }

    [Fact]
    public async Task Each_error_is_classified_once_with_its_texts_and_sentence()
    {
        // Gold: Person "Lena Ortiz", Organization "Vexa Corp", Location "Oslo", Person "Ana".
        var corpus = Corpus(NerTagScheme.Bio,
            new NerSentence(["Lena", "Ortiz", "left", "Vexa", "Corp", "for", "Oslo"], ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-LOC"]),
            new NerSentence(["Ana", "met", "Bruno", "Cole"], ["B-PER", "O", "O", "O"]));
        // "Lena Ortiz" right; "Vexa" and "Vexa Corp for" both overlap "Vexa Corp" (one boundary error, counted once);
        // the first of them by position is reported; "Oslo" typed Organization; "Ana" missed; "Bruno Cole" touches no gold entity.
        var recognizer = new ScriptedRecognizer(
            ("Lena Ortiz", EntityCategories.Person), ("Vexa Corp for", EntityCategories.Organization), ("Vexa", EntityCategories.Person),
            ("Oslo", EntityCategories.Organization), ("Bruno Cole", EntityCategories.Person));

        var report = await NerEvaluator.EvaluateAsync(recognizer, corpus);

        Assert.Equal(
            [
                new NerError(NerErrorKind.WrongBoundary, "Vexa Corp", EntityCategories.Organization, "Vexa Corp for", EntityCategories.Organization, "Lena Ortiz left Vexa Corp for Oslo"),
                new NerError(NerErrorKind.WrongType, "Oslo", EntityCategories.Location, "Oslo", EntityCategories.Organization, "Lena Ortiz left Vexa Corp for Oslo"),
                new NerError(NerErrorKind.Missed, "Ana", EntityCategories.Person, null, null, "Ana met Bruno Cole"),
                new NerError(NerErrorKind.Spurious, null, null, "Bruno Cole", EntityCategories.Person, "Ana met Bruno Cole"),
            ],
            report.Errors);
        Assert.Equal(1, report.ErrorCounts[NerErrorKind.WrongBoundary]);
        Assert.Equal(1, report.ErrorCounts[NerErrorKind.Spurious]);
        // Every unmatched gold entity is one error, and every unmatched prediction is explained by one.
        Assert.Equal(report.Micro.FalseNegatives, report.Errors.Count(e => e.GoldText is not null));
    }

    [Fact]
    public async Task In_io_corpora_adjacent_predictions_of_one_type_are_merged_like_the_gold()
    {
        var sentence = new NerSentence(["Rome", "Milan", "trains"], ["B-LOC", "I-LOC", "O"]);
        var split = new ScriptedRecognizer(("Rome", EntityCategories.Location), ("Milan", EntityCategories.Location));

        Assert.Equal(new NerScore(1, 0, 0), (await NerEvaluator.EvaluateAsync(split, Corpus(NerTagScheme.Io, sentence))).Micro);
        Assert.Equal(new NerScore(0, 2, 1), (await NerEvaluator.EvaluateAsync(split, Corpus(NerTagScheme.Bio, sentence))).Micro);
    }

    [Fact]
    public async Task Files_are_read_by_their_content_and_a_gmb_csv_is_scored_on_its_test_portion_only()
    {
        var folder = Directory.CreateTempSubdirectory("ner-eval-");
        try
        {
            var sentences = Enumerable.Range(1, 60).Select(i => new[] { "Town", i.ToString(), "voted", "." }).ToList();
            var csv = new List<string> { "Sentence #,Word,POS,Tag" };
            for (var s = 0; s < sentences.Count; s++)
            {
                csv.AddRange(sentences[s].Select((w, k) => $"{(k == 0 ? $"Sentence: {s + 1}" : "")},{w},NN,{(k == 0 ? "B-geo" : "O")}"));
            }
            var gmbPath = Path.Combine(folder.FullName, "renamed.csv");
            File.WriteAllLines(gmbPath, csv);
            var conllPath = Path.Combine(folder.FullName, "tiny.conll");
            File.WriteAllText(conllPath, "Oslo I-LOC\nvoted O\n");

            var reports = await NerEvaluator.EvaluateFilesAsync(new ScriptedRecognizer(), [gmbPath, conllPath]);

            var testCount = sentences.Count(s => GmbSplit.PortionOf(s) == GmbPortion.Test);
            Assert.InRange(testCount, 1, 20);
            Assert.Equal(testCount, reports[0].Sentences);
            Assert.Equal(new NerScore(0, 0, testCount), reports[0].Micro);
            Assert.Equal(NerTagScheme.Io, reports[1].Scheme);
            Assert.Equal(new NerScore(0, 0, 1), reports[1].Micro);

            var dev = await NerEvaluator.EvaluateFilesAsync(new ScriptedRecognizer(), [gmbPath], gmbPortion: GmbPortion.Dev);
            var devCount = sentences.Count(s => GmbSplit.PortionOf(s) == GmbPortion.Dev);
            Assert.InRange(devCount, 1, 20);
            Assert.Equal(devCount, dev[0].Sentences);
            Assert.EndsWith("(dev portion)", dev[0].Corpus);
            Assert.EndsWith("(test portion)", reports[0].Corpus);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void F1_is_zero_when_nothing_matches()
    {
        Assert.Equal(0, new NerScore(0, 3, 4).F1);
        Assert.Equal(0.5, new NerScore(2, 2, 2).F1, 10);
    }
}
