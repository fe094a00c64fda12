namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>Reads any supported corpus file, choosing the reader from the file's first line.</summary>
public static class NerCorpusReader
{
    public static NerCorpus ReadFile(string path)
    {
        string? first;
        using (var probe = new StreamReader(path))
        {
            first = probe.ReadLine();
        }
        return first is not null && first.StartsWith("Sentence #", StringComparison.Ordinal)
            ? GmbCsvReader.ReadFile(path)
            : ConllReader.ReadFile(path);
    }
}
