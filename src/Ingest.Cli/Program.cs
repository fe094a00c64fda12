using System.CommandLine;
using Ingest.Cli.Commands;
using Spectre.Console;

// An exception escaping on a background thread aborts the process (exit 134) with little to go on; say what it was.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
    Console.Error.WriteLine($"ingest: unhandled exception on a background thread: {e.ExceptionObject}");

// Piped or redirected, Spectre.Console cannot ask the terminal its width and assumes 80 columns, wrapping every table
// row over several lines (`ingest results | grep rejected` would find half a row). Lay tables out at their natural width
// then, unless COLUMNS says otherwise.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : 400;
}

// `ingest` — run the pipeline locally, feed it, read what it produced. No process-termination timeout: `ingest up`
// handles SIGINT/SIGTERM itself and needs longer than a couple of seconds to stop the host and let Azurite save its data.
return await IngestCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
