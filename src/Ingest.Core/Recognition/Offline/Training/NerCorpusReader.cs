namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>Reads any supported corpus file, choosing the reader from the file's first line.</summary>
public static class NerCorpusReader
{
    public static NerCorpus ReadFile(string path) =>
        IsGmbCsv(path) ? GmbCsvReader.ReadFile(path) : ConllReader.ReadFile(path);

    /// <summary>Whether the file starts with the GMB CSV header (whatever the file is called).</summary>
    public static bool IsGmbCsv(string path)
    {
        using var probe = new StreamReader(path);
        return probe.ReadLine()?.StartsWith("Sentence #", StringComparison.Ordinal) == true;
    }
}
