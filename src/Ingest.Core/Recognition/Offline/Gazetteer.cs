namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Names learned from the training data, as folded-token phrases (up to <see cref="MaxPhraseLength"/> words)
/// with the type they usually have. Marking a sentence finds, left to right, the longest listed phrase at each
/// point; the tagger sees "inside a known ORG name, first word" as a feature, never as a decision, so context
/// can still overrule the list. Immutable once built.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxPhraseLength = 6;

    private const ulong PhraseSeed = 0x6A09E667F3BCC909UL;

    private readonly HashKeyMap<byte> _phrases;

    internal Gazetteer(Dictionary<ulong, byte> phrases) => _phrases = new HashKeyMap<byte>(phrases, phrases.Count);

    public static Gazetteer Empty { get; } = new(new Dictionary<ulong, byte>());

    public int Count => _phrases.Count;

    /// <summary>The key of a phrase given the folded hashes of its words.</summary>
    internal static ulong PhraseKey(ReadOnlySpan<TokenTraits> words)
    {
        var key = PhraseSeed;
        foreach (ref readonly var word in words)
        {
            key = FeatureHash.Mix(key ^ word.Folded);
        }
        return key;
    }

    /// <summary>The type index of a listed phrase given as words separated by single spaces ("Sweden", "New York").</summary>
    internal bool TryGetType(ReadOnlySpan<char> phrase, out byte type)
    {
        var key = PhraseSeed;
        while (true)
        {
            var space = phrase.IndexOf(' ');
            key = FeatureHash.Mix(key ^ FeatureHash.Folded(space < 0 ? phrase : phrase[..space]));
            if (space < 0)
            {
                return _phrases.TryGetValue(key, out type);
            }
            phrase = phrase[(space + 1)..];
        }
    }

    /// <summary>
    /// Sets <see cref="TokenTraits.GazetteerMark"/> on every token: 0 outside listed phrases, otherwise
    /// 1 + 2 × type index (+1 when the token is not the phrase's first word).
    /// </summary>
    internal void Mark(Span<TokenTraits> sentence)
    {
        // keys[k] is the key of the k + 1 words from i on: each extends the one before, as PhraseKey computes it.
        Span<ulong> keys = stackalloc ulong[MaxPhraseLength];
        var i = 0;
        while (i < sentence.Length)
        {
            var matched = 0;
            byte type = 0;
            if (_phrases.Count > 0 && char.IsUpper(sentence[i].FirstChar))
            {
                var longest = Math.Min(MaxPhraseLength, sentence.Length - i);
                var key = PhraseSeed;
                for (var k = 0; k < longest; k++)
                {
                    key = FeatureHash.Mix(key ^ sentence[i + k].Folded);
                    keys[k] = key;
                }
                for (var length = longest; length >= 1; length--)
                {
                    if (_phrases.TryGetValue(keys[length - 1], out type))
                    {
                        matched = length;
                        break;
                    }
                }
            }
            if (matched == 0)
            {
                sentence[i++].GazetteerMark = 0;
                continue;
            }
            for (var k = 0; k < matched; k++)
            {
                sentence[i + k].GazetteerMark = (byte)(1 + 2 * type + (k == 0 ? 0 : 1));
            }
            i += matched;
        }
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_phrases.Count);
        foreach (var (key, type) in _phrases.Entries().OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write(type);
        }
    }

    internal static Gazetteer Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var phrases = new Dictionary<ulong, byte>(count);
        for (var i = 0; i < count; i++)
        {
            phrases[reader.ReadUInt64()] = reader.ReadByte();
        }
        return new Gazetteer(phrases);
    }
}
