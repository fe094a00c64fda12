using System.CommandLine;
using Ingest.Core.Recognition.Offline.Training;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest train ner</c>: reproduces the offline recognizer's model from the labelled corpora.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train models from labelled data.");
        var data = new Option<DirectoryInfo>("--data") { Description = "The NER data folder (holds gmb/ner_dataset.csv, btc/, wnut17/).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the gzip'd model (the committed one is src/Ingest.Core/Recognition/Offline/Model/ner-model.bin.gz).", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training data (default: the committed model's setting)." };
        var ensemble = new Option<int?>("--ensemble") { Description = "Perceptrons averaged into the model (default: the committed model's setting, 3)." };
        var noRefit = new Option<bool>("--no-refit")
        {
            Description = "Write the model trained on the train portion only, without training it again on train + dev (faster; for trying a change).",
        };
        var ner = new Command("ner", "Train the offline entity recognizer (averaged perceptrons) deterministically.") { data, output, epochs, ensemble, noRefit };
        ner.SetAction(parse =>
        {
            var dataDirectory = parse.GetValue(data)!;
            if (!File.Exists(Path.Combine(dataDirectory.FullName, "gmb", "ner_dataset.csv")))
            {
                return CliContext.Error($"{dataDirectory.FullName} has no gmb/ner_dataset.csv; point --data at the shared data/ner folder.", CliContext.UsageError);
            }
            var options = new NerTrainingOptions
            {
                DataDirectory = dataDirectory.FullName,
                OutputPath = parse.GetValue(output)!.FullName,
                Log = line => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(line)}[/]"),
            };
            var (passes, members) = (parse.GetValue(epochs), parse.GetValue(ensemble));
            var problem = passes is < 1 ? $"--epochs must be at least 1, not {passes}."
                : members is < 1 ? $"--ensemble must be at least 1, not {members}."
                : null;
            if (problem is not null)
            {
                return CliContext.Error(problem, CliContext.UsageError);
            }
            options = options with
            {
                Epochs = passes ?? options.Epochs,
                Ensemble = members ?? options.Ensemble,
                RefitWithDev = !parse.GetValue(noRefit),
            };
            var result = NerTrainer.Train(options);
            AnsiConsole.MarkupLine(
                $"Wrote [bold]{Markup.Escape(result.ModelPath)}[/] ({result.ModelBytes / 1024.0 / 1024.0:0.0} MiB, {result.FeatureRows:N0} feature rows) "
                + $"from {result.TrainSentences:N0} sentences in {result.Elapsed.TotalSeconds:0} s.");
            Console.WriteLine($"dev micro-F1 {EvalCommand.Format(result.Dev.Micro.F1)}");
            return CliContext.Success;
        });
        command.Subcommands.Add(ner);
        return command;
    }
}
