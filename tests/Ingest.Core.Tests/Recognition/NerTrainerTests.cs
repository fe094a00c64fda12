using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Ingest.Core.Recognition.Offline.Training;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

/// <summary>Trains on a tiny hand-written GMB-format corpus: the whole pipeline, in a second.</summary>
public sealed class NerTrainerTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "ner-trainer-tests-" + Guid.NewGuid().ToString("N"));

    public NerTrainerTests()
    {
        Directory.CreateDirectory(Path.Combine(_data, "gmb"));
        var rows = new List<string> { "Sentence #,Word,POS,Tag" };
        string[] people = ["Amara Lind", "Tomas Brek", "Ines Varga", "Kofi Mensah", "Lea Strand", "Omar Haddad"];
        string[] places = ["Lisbon", "Nairobi", "Quito", "Oslo", "Hanoi", "Lima"];
        string[] groups = ["Red Cross", "World Bank", "Nordic Council", "Tide Corp", "Andes Union", "Blue Party"];
        var n = 0;
        foreach (var person in people)
        {
            foreach (var place in places)
            {
                var group = groups[n % groups.Length];
                AddSentence(rows, ++n, [(person, "per"), ("visited", null), (place, "geo"), ("for", null), ("the", null), (group, "org"), (".", null)]);
            }
        }
        File.WriteAllLines(Path.Combine(_data, "gmb", "ner_dataset.csv"), rows);
    }

    private static void AddSentence(List<string> rows, int number, (string Text, string? Type)[] parts)
    {
        var first = true;
        foreach (var (text, type) in parts)
        {
            var words = text.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                var tag = type is null ? "O" : (i == 0 ? "B-" : "I-") + type;
                rows.Add($"{(first ? $"Sentence: {number}" : "")},{words[i]},NNP,{tag}");
                first = false;
            }
        }
    }

    private NerTrainingOptions Options(string output) => new()
    {
        DataDirectory = _data,
        OutputPath = Path.Combine(_data, output),
        Epochs = 3,
        ExtraTrainingFiles = [],
        UnlabeledTextFiles = [],
        ModelVersion = "tiny-1",
    };

    [Fact]
    public async Task Trains_a_model_that_loads_and_tags_what_it_learned_and_retrains_byte_for_byte()
    {
        var first = NerTrainer.Train(Options("a.bin.gz"));
        var second = NerTrainer.Train(Options("b.bin.gz"));

        Assert.True(first.ModelBytes > 0);
        Assert.True(first.TrainSentences > 20);
        Assert.Equal(File.ReadAllBytes(first.ModelPath), File.ReadAllBytes(second.ModelPath));

        var recognizer = OfflineEntityRecognizer.FromFile(first.ModelPath);
        var result = await recognizer.RecognizeAsync("Ines Varga visited Nairobi for the World Bank .", "en", CancellationToken.None);
        Assert.Equal("tiny-1", result.Recognizer.Version);
        Assert.Contains(result.Entities, m => m.Text == "Ines Varga" && m.Category == EntityCategories.Person);
        Assert.Contains(result.Entities, m => m.Text == "Nairobi" && m.Category == EntityCategories.Location);
        Assert.Contains(result.Entities, m => m.Text == "World Bank" && m.Category == EntityCategories.Organization);
    }

    [Fact]
    public void The_written_model_is_refitted_on_train_and_dev_while_the_dev_figure_comes_from_the_model_without_dev()
    {
        var refitted = NerTrainer.Train(Options("refit.bin.gz"));
        var heldOut = NerTrainer.Train(Options("held.bin.gz") with { RefitWithDev = false });

        Assert.True(refitted.DevSentences > 0);
        Assert.Equal(heldOut.TrainSentences + refitted.DevSentences, refitted.TrainSentences);
        Assert.Equal(heldOut.Dev.Micro, refitted.Dev.Micro);
        Assert.NotEqual(File.ReadAllBytes(heldOut.ModelPath), File.ReadAllBytes(refitted.ModelPath));
    }

    [Fact]
    public void Rejects_options_that_cannot_train()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NerTrainer.Train(Options("x.bin.gz") with { Epochs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => NerTrainer.Train(Options("x.bin.gz") with { Ensemble = 0 }));
        Assert.Throws<FileNotFoundException>(() => NerTrainer.Train(Options("x.bin.gz") with { DataDirectory = Path.Combine(_data, "missing") }));
    }

    [Fact]
    public void A_report_prints_as_a_table()
    {
        var report = new NerEvaluationReport("tiny", NerTagScheme.Bio, 1, 5,
            new Dictionary<string, NerScore> { [EntityCategories.Person] = new(1, 1, 0) }, new NerScore(1, 1, 0));
        var table = report.ToTable();
        Assert.Contains("Person", table);
        Assert.Contains("0.5000", table);
        Assert.Contains("micro", table);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
