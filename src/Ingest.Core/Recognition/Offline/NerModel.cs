using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// A trained tagger: a weight row (one weight per tag) for every kept feature key, tag-transition weights, the
/// word lexicon, the gazetteer and the confidence temperature. Immutable after construction, so one instance serves any number
/// of concurrent callers. Stored as a gzip'd little-endian binary file (see <see cref="Write"/>); weights are
/// stored as half-precision floats, which changes no decision measurably and halves the file.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "INGEST-NER";
    private const int FormatVersion = 2;

    private readonly HashKeyMap<int> _rows;

    internal NerModel(
        string version,
        TagSet tags,
        WordLexicon lexicon,
        Gazetteer gazetteer,
        IReadOnlyDictionary<ulong, int> rows,
        float[] weights,
        float[] transitions,
        float confidenceTemperature)
    {
        if (weights.Length != rows.Count * tags.Count || transitions.Length != (tags.Count + 1) * tags.Count)
        {
            throw new ArgumentException("Weight arrays do not match the feature and tag counts.");
        }
        Version = version;
        Tags = tags;
        Lexicon = lexicon;
        Gazetteer = gazetteer;
        foreach (var row in rows.Values)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
        }
        _rows = new HashKeyMap<int>(rows, rows.Count);
        WeightStride = (tags.Count + Vector128<float>.Count - 1) / Vector128<float>.Count * Vector128<float>.Count;
        Weights = PadRows(weights, tags.Count, WeightStride);
        Transitions = transitions;
        ConfidenceTemperature = confidenceTemperature;
    }

    private NerModel(NerModel source, float confidenceTemperature)
    {
        Version = source.Version;
        Tags = source.Tags;
        Lexicon = source.Lexicon;
        Gazetteer = source.Gazetteer;
        _rows = source._rows;
        WeightStride = source.WeightStride;
        Weights = source.Weights;
        Transitions = source.Transitions;
        ConfidenceTemperature = confidenceTemperature;
    }

    /// <summary>The same model with another confidence temperature; shares all weights.</summary>
    internal NerModel WithConfidenceTemperature(float temperature) => new(this, temperature);

    /// <summary>Feature keys that have a weight row.</summary>
    internal int FeatureRowCount => _rows.Count;

    /// <summary>Identifies the trained model; reported as the recognizer version.</summary>
    public string Version { get; }

    public TagSet Tags { get; }

    public WordLexicon Lexicon { get; }

    public Gazetteer Gazetteer { get; }

    public int FeatureCount => _rows.Count;

    /// <summary>
    /// Row-major [feature row × <see cref="WeightStride"/>]: each row's tag weights, then zeros up to the stride, so
    /// the decoder adds whole rows with vector instructions (lane by lane, the same additions as one tag at a time).
    /// </summary>
    internal float[] Weights { get; }

    /// <summary>Floats per weight row: the tag count rounded up to a whole number of 128-bit vectors.</summary>
    internal int WeightStride { get; }

    /// <summary>Row-major [(previous tag, or <c>Tags.Count</c> for the sentence start) × tag].</summary>
    internal float[] Transitions { get; }

    /// <summary>Scores are divided by this before the softmax that gives confidences; fitted on dev data.</summary>
    internal float ConfidenceTemperature { get; }

    internal int RowOf(ulong key) => _rows.TryGetValue(key, out var row) ? row : -1;

    internal HashKeyMap<int> Rows => _rows;

    public void Write(Stream destination)
    {
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(FeatureTemplates.Version);
        writer.Write(Version);
        writer.Write(Tags.Types.Count);
        foreach (var type in Tags.Types)
        {
            writer.Write(type);
        }
        writer.Write(ConfidenceTemperature);
        Lexicon.Write(writer);
        Gazetteer.Write(writer);

        foreach (var value in Transitions)
        {
            writer.Write(value);
        }

        // Rows in key order make the file a pure function of the weights (reproducible byte for byte).
        var ordered = _rows.Entries().OrderBy(r => r.Key).ToArray();
        writer.Write(ordered.Length);
        foreach (var (key, _) in ordered)
        {
            writer.Write(key);
        }
        foreach (var (_, row) in ordered)
        {
            for (var t = 0; t < Tags.Count; t++)
            {
                writer.Write((Half)Weights[row * WeightStride + t]);
            }
        }
    }

    private static float[] PadRows(float[] weights, int tagCount, int stride)
    {
        if (stride == tagCount)
        {
            return weights;
        }
        var rowCount = weights.Length / tagCount;
        var padded = new float[rowCount * stride];
        for (var row = 0; row < rowCount; row++)
        {
            weights.AsSpan(row * tagCount, tagCount).CopyTo(padded.AsSpan(row * stride));
        }
        return padded;
    }

    public static NerModel Read(Stream source)
    {
        using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not an Ingest NER model file.");
        }
        var format = reader.ReadInt32();
        var templates = reader.ReadInt32();
        if (format != FormatVersion || templates != FeatureTemplates.Version)
        {
            throw new InvalidDataException(
                $"Model format {format}/templates {templates}; this build reads {FormatVersion}/{FeatureTemplates.Version}. Retrain the model.");
        }
        var version = reader.ReadString();
        var types = new string[reader.ReadInt32()];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = reader.ReadString();
        }
        var tags = new TagSet(types);
        var temperature = reader.ReadSingle();
        var lexicon = WordLexicon.Read(reader);
        var gazetteer = Gazetteer.Read(reader);

        var transitions = new float[(tags.Count + 1) * tags.Count];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        // The two big arrays are read in bulk: per-value BinaryReader calls would dominate the load time.
        var rowCount = reader.ReadInt32();
        var keys = new ulong[rowCount];
        buffered.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
        var halves = new Half[rowCount * tags.Count];
        buffered.ReadExactly(MemoryMarshal.AsBytes(halves.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(keys, keys);
            var raw = MemoryMarshal.Cast<Half, ushort>(halves.AsSpan());
            BinaryPrimitives.ReverseEndianness(raw, raw);
        }
        var rows = new Dictionary<ulong, int>(rowCount);
        for (var row = 0; row < rowCount; row++)
        {
            rows.Add(keys[row], row);
        }
        var weights = new float[halves.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)halves[i];
        }
        return new NerModel(version, tags, lexicon, gazetteer, rows, weights, transitions, temperature);
    }
}
