using System.CommandLine;
using System.Globalization;
using Ingest.Core.Cleaning;
using Ingest.Core.Evaluation;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Ingest.Core.Recognition.Offline.Training;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest eval …</c>: the quality measurements the README quotes, each ending in one machine-readable
/// line so scripts and CI can compare runs.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure quality: article extraction, plain-text boilerplate removal, entity recognition.");
        command.Subcommands.Add(Extraction());
        command.Subcommands.Add(Boilerplate());
        command.Subcommands.Add(Ner());
        command.Subcommands.Add(EvalDedupCommand.Create());
        return command;
    }

    private static Command Extraction()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "The article-extraction benchmark: html/*.html.gz and ground-truth.json (and output/*.json to compare)." };
        var compare = new Option<bool>("--compare") { Description = "Also score every prediction file in DIR/output with the same metric." };
        var command = new Command("extraction", "Score the cleaner on the article-extraction benchmark (4-token shingles, per-page P/R averaged). Last line: F1 <value>.") { dir, compare };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(dir)!;
            var groundTruth = Path.Combine(directory.FullName, "ground-truth.json");
            if (!File.Exists(groundTruth) || !Directory.Exists(Path.Combine(directory.FullName, "html")))
            {
                return CliContext.Error($"{directory.FullName} has no ground-truth.json and html/ folder; point at the extraction-benchmark folder.", CliContext.UsageError);
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("System", "Precision", "Recall", "F1", "Pages");
            if (parse.GetValue(compare))
            {
                var outputs = Path.Combine(directory.FullName, "output");
                foreach (var predictions in Directory.Exists(outputs) ? Directory.GetFiles(outputs, "*.json").Order(StringComparer.Ordinal).ToArray() : [])
                {
                    AddRow(table, Path.GetFileNameWithoutExtension(predictions), ExtractionEvaluator.ScorePredictions(groundTruth, predictions));
                }
            }
            var ours = ExtractionEvaluator.EvaluateCleaner(directory.FullName, new ArticleCleaner());
            AddRow(table, "[bold]ingest (this build)[/]", ours);
            AnsiConsole.Write(table);
            Console.WriteLine($"precision {Format(ours.Precision)} recall {Format(ours.Recall)}");
            Console.WriteLine($"F1 {Format(ours.F1)}");
            return CliContext.Success;
        });
        return command;

        static void AddRow(Table table, string name, ExtractionScore score) =>
            table.AddRow(name, Format(score.Precision), Format(score.Recall), Format(score.F1), score.Pages.ToString(CultureInfo.InvariantCulture));
    }

    private static Command Boilerplate()
    {
        var dir = new Argument<DirectoryInfo?>("DIR")
        {
            Description = "Fixture folder of text articles with expectation files (default: the repository's tests/Ingest.Core.Tests/Fixtures/boilerplate).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("boilerplate", "Line-level precision/recall of boilerplate removal and exact metadata on plain-text fixtures. Last line: precision <p> recall <r>.") { dir };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(dir)?.FullName
                ?? Path.Combine(Local.RepositoryLayout.Locate().Root, "tests", "Ingest.Core.Tests", "Fixtures", "boilerplate");
            if (!Directory.Exists(directory))
            {
                return CliContext.Error($"No fixture folder at {directory}.", CliContext.UsageError);
            }
            var score = BoilerplateEvaluator.Evaluate(directory);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Articles", "Precision (removed lines)", "Recall (removed lines)", "Metadata mismatches");
            table.AddRow(score.Articles.Count.ToString(CultureInfo.InvariantCulture), Format(score.Precision), Format(score.Recall), score.MetadataMismatches.ToString(CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            Console.WriteLine($"precision {Format(score.Precision)} recall {Format(score.Recall)}");
            return CliContext.Success;
        });
        return command;
    }

    private static Command Ner()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Labelled corpus files (CoNLL variants, GMB CSV: format detected; for GMB only one portion is scored, see --gmb-portion).", Arity = ArgumentArity.OneOrMore };
        var model = new Option<FileInfo?>("--model") { Description = "Evaluate this model file instead of the one built into Ingest.Core." };
        var gmbPortion = new Option<string>("--gmb-portion")
        {
            Description = "Which portion of a GMB CSV to score: test (default), or dev, which reproduces the trainer's dev figure for a model trained with --no-refit.",
            DefaultValueFactory = _ => "test",
        };
        gmbPortion.AcceptOnlyFromAmong("test", "dev");
        var errors = new Option<FileInfo?>("--errors")
        {
            Description = "Also write every error to this tab-separated file (corpus, kind, gold text and type, predicted text and type, sentence) for error analysis.",
        };
        var command = new Command("ner", "Entity-level exact-match precision/recall/F1 per type and micro (Person, Location, Organization), and the errors by kind. Last line: micro-F1 <value>.") { files, model, gmbPortion, errors };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(files)!;
            if (paths.FirstOrDefault(f => !f.Exists) is { } missing)
            {
                return CliContext.Error($"No such file: {missing.FullName}", CliContext.UsageError);
            }
            IEntityRecognizer recognizer = parse.GetValue(model) is { } modelFile
                ? OfflineEntityRecognizer.FromFile(modelFile.FullName)
                : new OfflineEntityRecognizer();

            var portion = parse.GetValue(gmbPortion) == "dev" ? GmbPortion.Dev : GmbPortion.Test;
            var reports = await NerEvaluator.EvaluateFilesAsync(
                recognizer, paths.Select(p => p.FullName), gmbPortion: portion, cancellationToken: cancellationToken);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Corpus", "Type", "Precision", "Recall", "F1", "Gold", "Predicted");
            var total = NerScore.Zero;
            foreach (var report in reports)
            {
                foreach (var (category, score) in report.PerCategory.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    AddRow(report.Corpus, category, score);
                }
                AddRow(report.Corpus, "[bold]micro[/]", report.Micro);
                total += report.Micro;
            }
            AnsiConsole.Write(table);
            foreach (var report in reports)
            {
                var counts = report.ErrorCounts;
                Console.WriteLine(FormattableString.Invariant(
                    $"errors in {report.Corpus}: wrong type {counts[NerErrorKind.WrongType]}, wrong boundaries {counts[NerErrorKind.WrongBoundary]}, missed {counts[NerErrorKind.Missed]}, spurious {counts[NerErrorKind.Spurious]}"));
            }
            if (parse.GetValue(errors) is { } errorFile)
            {
                await WriteErrorsAsync(errorFile, reports, cancellationToken);
                Console.WriteLine($"errors written to {errorFile.FullName}");
            }
            Console.WriteLine($"micro-F1 {Format(total.F1)}");
            return CliContext.Success;

            void AddRow(string corpus, string type, NerScore score) => table.AddRow(
                Markup.Escape(corpus), type, Format(score.Precision), Format(score.Recall), Format(score.F1),
                (score.TruePositives + score.FalseNegatives).ToString(CultureInfo.InvariantCulture),
                (score.TruePositives + score.FalsePositives).ToString(CultureInfo.InvariantCulture));
        });
        return command;
    }

    private static async Task WriteErrorsAsync(FileInfo file, IEnumerable<NerEvaluationReport> reports, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(file.FullName);
        await writer.WriteLineAsync("corpus\tkind\tgold\tgold_type\tpredicted\tpredicted_type\tsentence".AsMemory(), cancellationToken);
        foreach (var report in reports)
        {
            foreach (var e in report.Errors)
            {
                string[] fields = [report.Corpus, e.Kind.ToString(), e.GoldText ?? "", e.GoldCategory ?? "", e.PredictedText ?? "", e.PredictedCategory ?? "", e.Line];
                // Tabs and line breaks inside a field would break the row; the rendered corpus has none, but stay safe.
                await writer.WriteLineAsync(string.Join('\t', fields.Select(f => f.Replace('\t', ' ').Replace('\n', ' '))).AsMemory(), cancellationToken);
            }
        }
    }

    internal static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
