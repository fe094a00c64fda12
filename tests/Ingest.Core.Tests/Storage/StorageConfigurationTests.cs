using Ingest.Core.Configuration;
using Ingest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Tests.Storage;

/// <summary>Storage settings read the way the Functions host reads them: a connection string, or identity-based settings.</summary>
public sealed class StorageConfigurationTests
{
    private static StorageOptions Resolve(Dictionary<string, string?> settings)
    {
        // Environment-variable spelling (AzureWebJobsStorage__accountName) arrives in configuration as "AzureWebJobsStorage:accountName".
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddIngestChain(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<StorageOptions>>().Value;
    }

    [Fact]
    public void Nothing_configured_means_the_local_emulator()
    {
        var options = Resolve([]);

        Assert.Equal(StorageOptions.DevelopmentConnectionString, options.ConnectionString);
        Assert.True(StorageEndpoints.IsEmulator(options));
    }

    [Fact]
    public void An_account_name_means_an_identity_connection_to_that_accounts_endpoints()
    {
        var options = Resolve(new() { ["AzureWebJobsStorage:accountName"] = "ingestprod", ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001" });
        var endpoints = StorageEndpoints.FromIdentitySettings(options);

        Assert.True(options.UsesIdentity);
        Assert.Null(options.ConnectionString);
        Assert.Equal("00000000-0000-0000-0000-000000000001", options.ClientId);
        Assert.Equal(new Uri("https://ingestprod.blob.core.windows.net"), endpoints.Blob);
        Assert.Equal(new Uri("https://ingestprod.queue.core.windows.net"), endpoints.Queue);
        Assert.Equal(new Uri("https://ingestprod.table.core.windows.net"), endpoints.Table);
        Assert.False(StorageEndpoints.IsEmulator(options));
    }

    [Fact]
    public void Service_uris_serve_sovereign_clouds_and_private_endpoints()
    {
        var options = Resolve(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.chinacloudapi.cn",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.chinacloudapi.cn",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.chinacloudapi.cn",
        });

        Assert.Equal("acct.table.core.chinacloudapi.cn", StorageEndpoints.FromIdentitySettings(options).Table.Host);
        // Building the clients needs no secret and makes no request.
        var clients = new StorageClients(options);
        Assert.Equal("acct.blob.core.chinacloudapi.cn", clients.Blobs.Uri.Host);
    }

    [Fact]
    public void Incomplete_identity_settings_fail_at_start_up_and_say_what_to_set()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddIngestChain(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("AzureWebJobsStorage__accountName", error.Message);
        Assert.Contains("__tableServiceUri", error.Message);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;", true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=ingestprod;AccountKey=a2V5;EndpointSuffix=core.windows.net", false)]
    public void Emulator_endpoints_are_recognised_so_their_service_version_can_be_pinned(string connectionString, bool emulator) =>
        Assert.Equal(emulator, StorageEndpoints.IsEmulator(new StorageOptions { ConnectionString = connectionString }));

    [Fact]
    public void Each_container_queue_and_table_gets_one_client_for_the_life_of_the_process()
    {
        var clients = new StorageClients(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" });

        Assert.Same(clients.Table("Articles"), clients.Table("Articles"));
        Assert.Same(clients.Queue("articles-publish"), clients.Queue("articles-publish"));
        Assert.Same(clients.Container("processed"), clients.Container("processed"));
        Assert.NotSame(clients.Table("Articles"), clients.Table("DedupIndex"));
        Assert.Equal("DedupIndex", clients.Table("DedupIndex").Name);
        Assert.Equal("articles-clean", clients.Queue("articles-clean").Name);
    }
}
