using Ingest.Cli.Commands;

// `ingest` — run the pipeline locally, feed it, read what it produced.
return await IngestCommandLine.Build().Parse(args).InvokeAsync();
