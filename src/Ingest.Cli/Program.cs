using System.CommandLine;
using Ingest.Cli.Commands;

// An exception escaping on a background thread aborts the process (exit 134) with little to go on; say what it was.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
    Console.Error.WriteLine($"ingest: unhandled exception on a background thread: {e.ExceptionObject}");

// `ingest` — run the pipeline locally, feed it, read what it produced. No process-termination timeout: `ingest up`
// handles SIGINT/SIGTERM itself and needs longer than a couple of seconds to stop the host and let Azurite save its data.
return await IngestCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
