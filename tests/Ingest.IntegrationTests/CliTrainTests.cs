using Ingest.Cli.Local;
using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests;

/// <summary>
/// `ingest train ner` as a user runs it, on a tiny hand-written GMB-format corpus: the options that make a quick
/// trial run (one perceptron, no refit) work, and a nonsensical one is refused with what to do. No storage involved.
/// </summary>
public sealed class CliTrainTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cli-train-tests-" + Guid.NewGuid().ToString("N"));
    private string Data => Path.Combine(_root, "ner");
    private readonly CliRunner _cli = new("UseDevelopmentStorage=true", RepositoryLayout.Locate().Root);

    public CliTrainTests()
    {
        Directory.CreateDirectory(Path.Combine(Data, "gmb"));
        var rows = new List<string> { "Sentence #,Word,POS,Tag" };
        string[] people = ["Amara", "Tomas", "Ines", "Kofi", "Lea", "Omar", "Rui", "Ada"];
        string[] places = ["Lisbon", "Nairobi", "Quito", "Oslo", "Hanoi", "Lima"];
        var n = 0;
        foreach (var person in people)
        {
            foreach (var place in places)
            {
                rows.Add($"Sentence: {++n},{person},NNP,B-per");
                rows.Add($",visited,VBD,O");
                rows.Add($",{place},NNP,B-geo");
                rows.Add($",.,.,O");
            }
        }
        File.WriteAllLines(Path.Combine(Data, "gmb", "ner_dataset.csv"), rows);
        // The default extra corpora and unlabeled text are resolved under --data; a quick run needs them present.
        foreach (var file in new[] { "btc/a.conll", "btc/b.conll", "btc/e.conll", "btc/f.conll", "btc/g.conll", "btc/h.conll", "wnut17/train/wnut17train.conll", "sec-filings/train/FIN5.txt", "sec-filings/test/FIN3.txt" })
        {
            var path = Path.Combine(Data, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllLines(path, ["Oslo\tB-LOC", "thanks\tO", ""]);
        }
        Directory.CreateDirectory(Path.Combine(_root, "extraction-benchmark"));
        File.WriteAllText(Path.Combine(_root, "extraction-benchmark", "ground-truth.json"), """{ "a": { "articleBody": "Ines visited Quito. Omar visited Oslo." } }""");
    }

    [Fact]
    public async Task A_quick_trial_run_writes_a_model_and_impossible_counts_are_refused()
    {
        var model = Path.Combine(Data, "trial.bin.gz");

        var (exit, stdout, stderr) = await _cli.RunAsync("train", "ner", "--data", Data, "--out", model, "--epochs", "2", "--ensemble", "1", "--no-refit");

        Assert.True(exit == 0, stdout + stderr);
        Assert.True(new FileInfo(model).Length > 0);
        Assert.StartsWith("dev micro-F1 ", stdout.TrimEnd().Split('\n')[^1]);

        var (badExit, _, badErr) = await _cli.RunAsync("train", "ner", "--data", Data, "--out", model, "--ensemble", "0");
        Assert.NotEqual(0, badExit);
        Assert.Contains("--ensemble must be at least 1", badErr);
        var (noPasses, _, noPassesErr) = await _cli.RunAsync("train", "ner", "--data", Data, "--out", model, "--epochs", "0");
        Assert.NotEqual(0, noPasses);
        Assert.Contains("--epochs must be at least 1", noPassesErr);
        Assert.DoesNotContain("Unhandled exception", noPassesErr);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
