namespace Ingest.Cli.Local;

/// <summary>
/// Finds the repository the CLI runs from: host.json (shared with the function app), node_modules
/// (Azurite) and the local Azurite data folder all live there.
/// </summary>
internal sealed record RepositoryLayout(string Root)
{
    public const string RootVariable = "INGEST_REPO_ROOT";

    public string HostJson => Path.Combine(Root, "host.json");
    public string AzuriteScript => Path.Combine(Root, "node_modules", "azurite", "dist", "src", "azurite.js");
    /// <summary>Where `ingest up` keeps the data of an Azurite it starts: INGEST_AZURITE_DATA, or .azurite in the repository (git-ignored).</summary>
    public string AzuriteDataFolder =>
        Environment.GetEnvironmentVariable(AzuriteDataVariable) is { Length: > 0 } folder ? Path.GetFullPath(folder) : Path.Combine(Root, ".azurite");

    public const string AzuriteDataVariable = "INGEST_AZURITE_DATA";

    public static RepositoryLayout Locate()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } fromScript && IsRoot(fromScript))
        {
            return new RepositoryLayout(Path.GetFullPath(fromScript));
        }
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (IsRoot(dir.FullName))
                {
                    return new RepositoryLayout(dir.FullName);
                }
            }
        }
        throw new InvalidOperationException(
            "Could not find the Ingest repository (a folder with host.json and package.json). Run the CLI through the "
            + $"repository's ./ingest script, or set {RootVariable} to the repository folder.");
    }

    private static bool IsRoot(string folder) =>
        File.Exists(Path.Combine(folder, "host.json")) && File.Exists(Path.Combine(folder, "package.json"));
}
