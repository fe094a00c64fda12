using Ingest.Cli.Local;
using Ingest.Core.Recognition.Offline.Training;
using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests;

/// <summary>
/// `ingest train ner` as a user runs it, on a tiny hand-written GMB-format corpus: the options that make a quick
/// trial run (one perceptron, no refit) work, `eval ner --gmb-portion dev` reproduces the trainer's dev figure, and a
/// nonsensical option is refused with what to do. No storage involved.
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
        // The CLI always trains with the default extra corpora and unlabeled text, resolved under --data; give it tiny ones.
        foreach (var file in NerTrainingOptions.DefaultExtraTrainingFiles.Concat(NerTrainingOptions.DefaultUnlabeledTextFiles))
        {
            var path = Path.GetFullPath(Path.Combine(Data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (path.EndsWith(".json", StringComparison.Ordinal))
            {
                File.WriteAllText(path, """{ "a": { "articleBody": "Ines visited Quito. Omar visited Oslo." } }""");
            }
            else
            {
                File.WriteAllLines(path, ["Oslo\tB-LOC", "thanks\tO", ""]);
            }
        }
    }

    [Fact]
    public async Task A_quick_trial_run_writes_a_model_and_impossible_counts_are_refused()
    {
        var model = Path.Combine(Data, "trial.bin.gz");

        var (exit, stdout, stderr) = await _cli.RunAsync("train", "ner", "--data", Data, "--out", model, "--epochs", "2", "--ensemble", "1", "--no-refit");

        Assert.True(exit == 0, stdout + stderr);
        Assert.True(new FileInfo(model).Length > 0);
        var trainerDev = stdout.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("dev micro-F1 ", trainerDev);

        // Without a refit the written model is the one the trainer scored, so eval on the dev portion gives its figure.
        var gmb = Path.Combine(Data, "gmb", "ner_dataset.csv");
        var errors = Path.Combine(Data, "errors.tsv");
        var (evalExit, evalOut, evalErr) = await _cli.RunAsync("eval", "ner", "--model", model, "--gmb-portion", "dev", "--errors", errors, gmb);
        Assert.True(evalExit == 0, evalOut + evalErr);
        Assert.Contains("(dev portion)", evalOut);
        // The error file has one row per error the summary line counts.
        var summary = evalOut.Split('\n').Single(l => l.StartsWith("errors in ", StringComparison.Ordinal));
        var counted = System.Text.RegularExpressions.Regex.Matches(summary, @"\d+").Sum(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture));
        var rows = File.ReadAllLines(errors);
        Assert.StartsWith("corpus\tkind\tgold", rows[0]);
        Assert.Equal(counted, rows.Length - 1);
        Assert.All(rows.Skip(1), row => Assert.Equal(7, row.Split('\t').Length));
        Assert.Equal(trainerDev["dev ".Length..].Trim(), evalOut.TrimEnd().Split('\n')[^1].Trim());
        var (badPortion, _, badPortionErr) = await _cli.RunAsync("eval", "ner", "--gmb-portion", "train", gmb);
        Assert.NotEqual(0, badPortion);
        Assert.Contains("train", badPortionErr);

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
