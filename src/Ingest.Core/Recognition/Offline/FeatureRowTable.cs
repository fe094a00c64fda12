using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Feature key → weight row, as an open-addressing table with linear probing. Every token looks up
/// <see cref="FeatureTemplates.Count"/> keys, most of them absent, and this lookup was the tagger's largest cost
/// behind a general-purpose dictionary. Keys are already SplitMix64 outputs, so their low bits index the table
/// directly with no further hashing; key and row share one 16-byte slot so a hit costs one cache line.
/// The table is at most half full, so a miss ends at an empty slot after about one probe on average.
/// Immutable once built: safe for any number of concurrent readers.
/// </summary>
internal sealed class FeatureRowTable
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    public FeatureRowTable(IReadOnlyDictionary<ulong, int> rows)
    {
        var capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)rows.Count * 2));
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        foreach (var (key, row) in rows)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            var i = (int)key & _mask;
            while (_slots[i].RowPlusOne != 0)
            {
                i = (i + 1) & _mask;
            }
            _slots[i] = new Slot(key, row + 1);
        }
        Count = rows.Count;
    }

    public int Count { get; }

    /// <summary>The row of <paramref name="key"/>, or -1 when the model has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RowOf(ulong key)
    {
        var slots = _slots;
        var i = (int)key & _mask;
        while (true)
        {
            ref readonly var slot = ref slots[i];
            if (slot.RowPlusOne == 0)
            {
                return -1;
            }
            if (slot.Key == key)
            {
                return slot.RowPlusOne - 1;
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

    /// <summary>Every (key, row) pair, in no particular order.</summary>
    public IEnumerable<KeyValuePair<ulong, int>> Entries()
    {
        foreach (var slot in _slots)
        {
            if (slot.RowPlusOne != 0)
            {
                yield return new KeyValuePair<ulong, int>(slot.Key, slot.RowPlusOne - 1);
            }
        }
    }

    // Row + 1 so that a zeroed slot means empty and key 0 stays a valid key.
    private readonly record struct Slot(ulong Key, int RowPlusOne);
}
