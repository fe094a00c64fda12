using Ingest.Core.Configuration;
using Microsoft.Azure.Functions.Extensions.DependencyInjection;

[assembly: FunctionsStartup(typeof(Ingest.Functions.Startup))]

namespace Ingest.Functions;

/// <summary>Registers the Core pipeline with the Functions host. The local JobHost calls the same registration.</summary>
public sealed class Startup : FunctionsStartup
{
    public override void Configure(IFunctionsHostBuilder builder) =>
        builder.Services.AddIngestChain(builder.GetContext().Configuration);
}
