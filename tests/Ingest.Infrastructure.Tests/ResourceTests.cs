using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Ingest.Core.Storage;

namespace Ingest.Infrastructure.Tests;

/// <summary>What the template deploys: the chain's storage resources, the hosting facts, security settings and outputs.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class ResourceTests(CompiledTemplate compiled)
{
    private JsonObject Storage => compiled.Module("storage");

    private static List<string> Strings(JsonNode? node) => node!.AsArray().Select(v => (string)v!).ToList();

    [Fact]
    public void Every_chain_container_queue_and_table_is_declared()
    {
        Assert.Equal(ChainNames.Containers.Order(), Strings(CompiledTemplate.ModuleParameter(Storage, "containerNames")).Order());
        Assert.Equal(ChainNames.Queues.Order(), Strings(CompiledTemplate.ModuleParameter(Storage, "queueNames")).Order());
        Assert.Equal(ChainNames.Tables.Order(), Strings(CompiledTemplate.ModuleParameter(Storage, "tableNames")).Order());
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers", "containerNames")]
    [InlineData("Microsoft.Storage/storageAccounts/queueServices/queues", "queueNames")]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices/tables", "tableNames")]
    public void Storage_module_creates_one_resource_per_declared_name(string type, string parameter)
    {
        var resource = CompiledTemplate.SingleResource(CompiledTemplate.ModuleTemplate(Storage), type);

        Assert.Equal($"[length(parameters('{parameter}'))]", (string?)resource["copy"]?["count"]);
    }

    [Fact]
    public void Lifecycle_rules_target_the_processed_and_work_containers()
    {
        Assert.Equal(ChainNames.ProcessedContainer, (string?)CompiledTemplate.ModuleParameter(Storage, "processedContainerName"));
        Assert.Equal(ChainNames.WorkContainer, (string?)CompiledTemplate.ModuleParameter(Storage, "workContainerName"));

        var policy = CompiledTemplate.SingleResource(CompiledTemplate.ModuleTemplate(Storage), "Microsoft.Storage/storageAccounts/managementPolicies");
        var rules = policy["properties"]!["policy"]!["rules"]!.AsArray();
        var deleteAfter = rules.ToDictionary(
            rule => (string)rule!["definition"]!["filters"]!["prefixMatch"]!.AsArray().Single()!,
            rule => (string?)rule!["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["[format('{0}/', parameters('processedContainerName'))]"] = "[parameters('processedRetentionDays')]",
                ["[format('{0}/', parameters('workContainerName'))]"] = "[parameters('workItemRetentionDays')]",
            },
            deleteAfter);
    }

    [Fact]
    public void Storage_account_is_locked_down()
    {
        var template = CompiledTemplate.ModuleTemplate(Storage);
        var account = CompiledTemplate.SingleResource(template, "Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.Equal("[parameters('allowSharedKeyAccess')]", (string?)account["allowSharedKeyAccess"]);

        var blobService = CompiledTemplate.SingleResource(template, "Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        Assert.True((bool)blobService["deleteRetentionPolicy"]!["enabled"]!);

        // Shared key stays on unless asked: the storage extension 4.0.2 triggers cannot authenticate otherwise.
        Assert.True((bool)compiled.Main["parameters"]!["allowSharedKeyAccess"]!["defaultValue"]!);
    }

    [Fact]
    public void Function_app_runs_the_in_process_model_on_Linux_and_the_functions_target_framework()
    {
        var template = CompiledTemplate.ModuleTemplate(compiled.Module("function-app"));
        var site = CompiledTemplate.SingleResource(template, "Microsoft.Web/sites");
        var settings = compiled.AppSettings();

        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.True((bool)site["properties"]!["siteConfig"]!["alwaysOn"]!);
        Assert.Equal("~4", settings["FUNCTIONS_EXTENSION_VERSION"].Value);
        Assert.Equal("dotnet", settings["FUNCTIONS_WORKER_RUNTIME"].Value);
        Assert.Equal("1", settings["FUNCTIONS_INPROC_NET8_ENABLED"].Value);
        Assert.True(settings.ContainsKey("APPLICATIONINSIGHTS_CONNECTION_STRING"));

        // linuxFxVersion must name the runtime Ingest.Functions is built for.
        var framework = typeof(Ingest.Functions.Startup).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        var version = new System.Runtime.Versioning.FrameworkName(framework).Version;
        Assert.Equal($"DOTNET|{version.Major}.{version.Minor}", (string?)site["properties"]!["siteConfig"]!["linuxFxVersion"]);
    }

    [Fact]
    public void Identity_gets_exactly_the_storage_data_roles()
    {
        var template = CompiledTemplate.ModuleTemplate(compiled.Module("storage-roles"));
        var roles = template["variables"]!["roleDefinitionIds"]!.AsObject().Select(p => (string)p.Value!).Order();

        Assert.Equal(
            new[]
            {
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            },
            roles);
        var assignment = CompiledTemplate.SingleResource(template, "Microsoft.Authorization/roleAssignments");
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)assignment["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_are_the_documented_ones_and_carry_no_keys()
    {
        var outputs = compiled.Main["outputs"]!.AsObject();
        Assert.Equal(
            new[] { "blobEndpoint", "functionAppHostName", "functionAppName", "languageEndpoint", "queueEndpoint", "storageAccountName", "tableEndpoint" },
            outputs.Select(p => p.Key).Order(StringComparer.Ordinal));

        foreach (var template in AllTemplates(compiled.Main))
        {
            foreach (var (name, output) in template["outputs"]?.AsObject() ?? [])
            {
                Assert.Equal("string", (string?)output!["type"]);
                Assert.DoesNotContain("listKeys", output["value"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("secureString", output["type"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
                Assert.False(string.IsNullOrEmpty(name));
            }
        }
    }

    [Fact]
    public void No_app_setting_holds_a_key()
    {
        foreach (var setting in compiled.AppSettings().Values)
        {
            Assert.DoesNotContain("listKeys", setting.Value ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AccountKey=", setting.Value ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    private static IEnumerable<JsonObject> AllTemplates(JsonObject template)
    {
        yield return template;
        foreach (var nested in CompiledTemplate.Resources(template)
                     .Where(r => (string?)r["type"] == "Microsoft.Resources/deployments")
                     .Select(CompiledTemplate.ModuleTemplate)
                     .SelectMany(AllTemplates))
        {
            yield return nested;
        }
    }
}
