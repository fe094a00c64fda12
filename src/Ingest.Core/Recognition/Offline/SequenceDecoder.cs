using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Finds the best tag sequence of a sentence under a model (first-order Viterbi with the IOB2 constraint) and,
/// optionally, a confidence per token: the softmax, at temperature <see cref="NerModel.ConfidenceTemperature"/>,
/// of the max-marginal scores (best complete path through each tag at that token), read at the chosen tag.
/// Max-marginals cost one backward Viterbi pass and no exponentials per transition, unlike forward–backward.
/// Stateless; all scratch space is rented per call.
/// </summary>
internal static class SequenceDecoder
{
    private const float Impossible = float.NegativeInfinity;

    public static void Decode(NerModel model, ReadOnlySpan<TokenTraits> sentence, Span<int> tags, Span<float> confidence)
    {
        var n = sentence.Length;
        var tagCount = model.Tags.Count;
        var size = n * tagCount;
        var emission = ArrayPool<float>.Shared.Rent(size);
        var forward = ArrayPool<float>.Shared.Rent(size);
        var backPointer = ArrayPool<int>.Shared.Rent(size);
        try
        {
            ScoreEmissions(model, sentence, emission);
            Viterbi(model.Transitions, tagCount, n, emission, forward, backPointer, tags);
            if (!confidence.IsEmpty)
            {
                Confidences(model, n, emission, forward, tags, confidence);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(emission);
            ArrayPool<float>.Shared.Return(forward);
            ArrayPool<int>.Shared.Return(backPointer);
        }
    }

    /// <summary>
    /// Sums, for every token and tag, the weights of the token's known features. The model's tables are tens of
    /// megabytes and the lookups random, so the work is memory latency: the sentence is done in three passes
    /// (all keys and their slot prefetches, then all row lookups and their weight-row prefetches, then the sums)
    /// so that the misses of a whole sentence overlap instead of waiting one after another. Whole padded rows
    /// are added as 128-bit vectors; each lane receives the same additions in the same order as a per-tag loop,
    /// so the sums are bit-for-bit those of the scalar loop.
    /// </summary>
    internal static unsafe void ScoreEmissions(NerModel model, ReadOnlySpan<TokenTraits> sentence, float[] emission)
    {
        const int Features = FeatureTemplates.Count;
        var n = sentence.Length;
        var tagCount = model.Tags.Count;
        var stride = model.WeightStride;
        var vectors = stride / Vector128<float>.Count;
        var table = model.Rows;
        ref var weights = ref MemoryMarshal.GetArrayDataReference(model.Weights);
        var keys = ArrayPool<ulong>.Shared.Rent(n * Features);
        var rows = ArrayPool<int>.Shared.Rent(n * Features);
        Span<float> sums = stackalloc float[stride];
        ref var sumStart = ref MemoryMarshal.GetReference(sums);
        try
        {
            for (var i = 0; i < n; i++)
            {
                FeatureTemplates.Extract(sentence, i, keys.AsSpan(i * Features, Features));
            }
            for (var k = 0; k < n * Features; k++)
            {
                table.Prefetch(keys[k]);
            }
            for (var k = 0; k < n * Features; k++)
            {
                var row = table.TryGetValue(keys[k], out var found) ? found : -1;
                rows[k] = row;
                if (row >= 0 && Sse.IsSupported)
                {
                    // A padded row can straddle two cache lines: ask for both ends.
                    ref var first = ref Unsafe.Add(ref weights, (nint)row * stride);
                    Sse.Prefetch0(Unsafe.AsPointer(ref first));
                    Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref first, stride - 1)));
                }
            }
            for (var i = 0; i < n; i++)
            {
                var tokenRows = rows.AsSpan(i * Features, Features);
                // One vector of tags at a time, over all the token's rows, so the running sum stays in a register.
                for (var v = 0; v < vectors; v++)
                {
                    var lane = (nuint)(v * Vector128<float>.Count);
                    var sum = Vector128<float>.Zero;
                    foreach (var row in tokenRows)
                    {
                        if (row >= 0)
                        {
                            sum += Vector128.LoadUnsafe(ref weights, (nuint)((nint)row * stride) + lane);
                        }
                    }
                    sum.StoreUnsafe(ref sumStart, lane);
                }
                sums[..tagCount].CopyTo(emission.AsSpan(i * tagCount, tagCount));
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(rows);
        }
    }

    /// <summary>
    /// One row of transitions (from tag <paramref name="previous"/>) with every step the IOB2 constraint forbids
    /// set to −∞, so the inner loops need no branch: a forbidden step scores −∞ and never beats the best,
    /// exactly as if it were skipped.
    /// </summary>
    private static void MaskTransitions(ReadOnlySpan<float> transitions, int previous, Span<float> masked)
    {
        for (var t = 0; t < transitions.Length; t++)
        {
            masked[t] = TagSet.CanFollow(previous, t) ? transitions[t] : Impossible;
        }
    }

    /// <summary>
    /// First-order Viterbi. For each token, every tag's best predecessor is found for all tags at once: tags are
    /// the lanes of 128-bit vectors and predecessors are visited in increasing order with a strict "greater
    /// than", so each lane makes exactly the comparisons, ties included, of the one-tag-at-a-time loop.
    /// </summary>
    internal static void Viterbi(float[] transitions, int tagCount, int n, float[] emission, float[] forward, int[] backPointer, Span<int> tags)
    {
        var lanes = Vector128<float>.Count;
        var vectors = (tagCount + lanes - 1) / lanes;
        var width = vectors * lanes;
        // Row p: the score of stepping from tag p to each tag, -inf where forbidden and in the padding lanes.
        Span<float> allowed = stackalloc float[tagCount * width];
        allowed.Fill(Impossible);
        for (var p = 0; p < tagCount; p++)
        {
            MaskTransitions(transitions.AsSpan(p * tagCount, tagCount), p, allowed.Slice(p * width, tagCount));
        }
        Span<float> bestScores = stackalloc float[width];
        Span<int> bestTags = stackalloc int[width];
        ref var bestScoresStart = ref MemoryMarshal.GetReference(bestScores);
        ref var bestTagsStart = ref MemoryMarshal.GetReference(bestTags);
        ref var allowedStart = ref MemoryMarshal.GetReference(allowed);

        var start = tagCount * tagCount;
        for (var t = 0; t < tagCount; t++)
        {
            forward[t] = TagSet.CanFollow(-1, t) ? transitions[start + t] + emission[t] : Impossible;
        }
        for (var i = 1; i < n; i++)
        {
            var previous = forward.AsSpan((i - 1) * tagCount, tagCount);
            var current = i * tagCount;
            for (var v = 0; v < vectors; v++)
            {
                var lane = (nuint)(v * lanes);
                var best = Vector128.Create(Impossible);
                var bestFrom = Vector128<int>.Zero;
                for (var p = 0; p < previous.Length; p++)
                {
                    var score = Vector128.Create(previous[p]) + Vector128.LoadUnsafe(ref allowedStart, (nuint)(p * width) + lane);
                    var greater = Vector128.GreaterThan(score, best);
                    best = Vector128.ConditionalSelect(greater, score, best);
                    bestFrom = Vector128.ConditionalSelect(greater.AsInt32(), Vector128.Create(p), bestFrom);
                }
                best.StoreUnsafe(ref bestScoresStart, lane);
                bestFrom.StoreUnsafe(ref bestTagsStart, lane);
            }
            for (var t = 0; t < tagCount; t++)
            {
                forward[current + t] = bestScores[t] + emission[current + t];
                backPointer[current + t] = bestTags[t];
            }
        }

        var last = (n - 1) * tagCount;
        var bestTag = 0;
        for (var t = 1; t < tagCount; t++)
        {
            if (forward[last + t] > forward[last + bestTag])
            {
                bestTag = t;
            }
        }
        for (var i = n - 1; i >= 0; i--)
        {
            tags[i] = bestTag;
            bestTag = backPointer[i * tagCount + bestTag];
        }
    }

    private static void Confidences(NerModel model, int n, float[] emission, float[] forward, Span<int> tags, Span<float> confidence)
    {
        var tagCount = model.Tags.Count;
        var transitions = model.Transitions;
        var inverseTemperature = 1f / model.ConfidenceTemperature;
        var lanes = Vector128<float>.Count;
        var vectors = (tagCount + lanes - 1) / lanes;
        var width = vectors * lanes;
        // Column t: the score of stepping from each previous tag (the lanes) into tag t, -inf where forbidden.
        Span<float> into = stackalloc float[tagCount * width];
        into.Fill(Impossible);
        for (var p = 0; p < tagCount; p++)
        {
            for (var t = 0; t < tagCount; t++)
            {
                into[t * width + p] = TagSet.CanFollow(p, t) ? transitions[p * tagCount + t] : Impossible;
            }
        }
        ref var intoStart = ref MemoryMarshal.GetReference(into);
        Span<float> next = stackalloc float[width];
        ref var nextStart = ref MemoryMarshal.GetReference(next);
        Span<float> backward = stackalloc float[tagCount];
        backward.Clear();
        for (var i = n - 1; i >= 0; i--)
        {
            var current = i * tagCount;
            var bestMarginal = Impossible;
            for (var t = 0; t < tagCount; t++)
            {
                bestMarginal = MathF.Max(bestMarginal, forward[current + t] + backward[t]);
            }
            var sum = 0f;
            var chosen = tags[i];
            var chosenExp = 0f;
            for (var t = 0; t < tagCount; t++)
            {
                var e = MathF.Exp((forward[current + t] + backward[t] - bestMarginal) * inverseTemperature);
                sum += e;
                if (t == chosen)
                {
                    chosenExp = e;
                }
            }
            confidence[i] = chosenExp / sum;

            // Best score of the rest of the sentence after taking tag p at token i - 1, for all p (the lanes) at
            // once: tags t in increasing order, each step summed in the same order as the scalar loop (float
            // addition is not associative), and <see cref="MaxAsMathF"/> keeping MathF.Max's exact result.
            if (i == 0)
            {
                break;
            }
            for (var v = 0; v < vectors; v++)
            {
                var lane = (nuint)(v * lanes);
                var best = Vector128.Create(Impossible);
                for (var t = 0; t < tagCount; t++)
                {
                    var score = Vector128.LoadUnsafe(ref intoStart, (nuint)(t * width) + lane)
                        + Vector128.Create(emission[current + t]) + Vector128.Create(backward[t]);
                    best = MaxAsMathF(best, score);
                }
                best.StoreUnsafe(ref nextStart, lane);
            }
            next[..tagCount].CopyTo(backward);
        }
    }

    /// <summary>
    /// Lane-wise <see cref="MathF.Max(float, float)"/> for values that are never NaN: the larger, and +0 over
    /// −0 (a plain vector max returns either zero depending on operand order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MaxAsMathF(Vector128<float> best, Vector128<float> candidate)
    {
        var bestIsNegative = Vector128.LessThan(best.AsInt32(), Vector128<int>.Zero).AsSingle();
        var take = Vector128.GreaterThan(candidate, best) | (Vector128.Equals(candidate, best) & bestIsNegative);
        return Vector128.ConditionalSelect(take, candidate, best);
    }
}
