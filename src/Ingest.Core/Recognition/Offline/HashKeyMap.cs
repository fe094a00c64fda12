using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// A read-only map from 64-bit hash keys (FNV/SplitMix64 outputs, already well spread) to small values, as an
/// open-addressing table with linear probing indexed by the key's low bits. The tagger looks up the lexicon
/// and the gazetteer for every token; a general-purpose dictionary re-hashes the key and chases an entry
/// index, this reads one slot. At most half full, so a miss ends after about one probe. The feature table, the
/// tagger's largest cost (every token looks up <see cref="FeatureTemplates.Count"/> keys, most of them absent), is
/// one too: with an <c>int</c> value a slot is 16 bytes, so a hit costs one cache line, and <see cref="Prefetch"/>
/// lets the decoder overlap the misses of a whole sentence.
/// Immutable once built: safe for any number of concurrent readers.
/// </summary>
internal sealed class HashKeyMap<TValue>
    where TValue : struct
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    public HashKeyMap(IEnumerable<KeyValuePair<ulong, TValue>> entries, int count)
    {
        var capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)count * 2));
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        foreach (var (key, value) in entries)
        {
            var i = (int)key & _mask;
            while (_slots[i].Occupied)
            {
                if (_slots[i].Key == key)
                {
                    throw new ArgumentException($"Duplicate key {key}.", nameof(entries));
                }
                i = (i + 1) & _mask;
            }
            _slots[i] = new Slot(key, value, Occupied: true);
            Count++;
        }
    }

    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong key, out TValue value)
    {
        var slots = _slots;
        var i = (int)key & _mask;
        while (true)
        {
            ref readonly var slot = ref slots[i];
            if (!slot.Occupied)
            {
                value = default;
                return false;
            }
            if (slot.Key == key)
            {
                value = slot.Value;
                return true;
            }
            i = (i + 1) & _mask;
        }
    }

    /// <summary>
    /// Asks the CPU to start loading the slot where a lookup of <paramref name="key"/> begins. A hint only: it
    /// changes no result, and does nothing where the instruction is not available.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong key)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[(int)key & _mask]));
        }
    }

    /// <summary>Every entry, in no particular order.</summary>
    public IEnumerable<KeyValuePair<ulong, TValue>> Entries()
    {
        foreach (var slot in _slots)
        {
            if (slot.Occupied)
            {
                yield return new KeyValuePair<ulong, TValue>(slot.Key, slot.Value);
            }
        }
    }

    private readonly record struct Slot(ulong Key, TValue Value, bool Occupied);
}
