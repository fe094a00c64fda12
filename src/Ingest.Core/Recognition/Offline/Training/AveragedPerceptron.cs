namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// Collins' averaged structured perceptron over precomputed feature rows. Averaging uses the usual lazy trick:
/// alongside each weight keep the sum of (update × step number); the average after the last step is
/// weight − sum / steps, so no pass over all weights is needed per sentence.
/// </summary>
internal sealed class AveragedPerceptron
{
    private readonly int _tagCount;
    private readonly float[] _weights;
    private readonly double[] _timedUpdates;
    private readonly float[] _transitions;
    private readonly double[] _timedTransitionUpdates;
    private int _step = 1;

    public AveragedPerceptron(int rowCount, int tagCount)
    {
        _tagCount = tagCount;
        _weights = new float[rowCount * tagCount];
        _timedUpdates = new double[rowCount * tagCount];
        _transitions = new float[(tagCount + 1) * tagCount];
        _timedTransitionUpdates = new double[(tagCount + 1) * tagCount];
    }

    /// <summary>Decodes one sentence with the current weights, updates on mistakes; returns whether it was wrong.</summary>
    public bool Learn(TrainingSentence sentence, float[] emission, float[] forward, int[] backPointer, int[] predicted)
    {
        var n = sentence.Gold.Length;
        Score(sentence, emission);
        SequenceDecoder.Viterbi(_transitions, _tagCount, n, emission, forward, backPointer, predicted);

        var wrong = false;
        for (var i = 0; i < n; i++)
        {
            var gold = sentence.Gold[i];
            var guess = predicted[i];
            if (gold != guess)
            {
                wrong = true;
                foreach (var row in sentence.RowsAt(i))
                {
                    if (row >= 0)
                    {
                        Update(_weights, _timedUpdates, row * _tagCount + gold, 1);
                        Update(_weights, _timedUpdates, row * _tagCount + guess, -1);
                    }
                }
            }
            var goldFrom = i == 0 ? _tagCount : sentence.Gold[i - 1];
            var guessFrom = i == 0 ? _tagCount : predicted[i - 1];
            if (goldFrom != guessFrom || gold != guess)
            {
                Update(_transitions, _timedTransitionUpdates, goldFrom * _tagCount + gold, 1);
                Update(_transitions, _timedTransitionUpdates, guessFrom * _tagCount + guess, -1);
            }
        }
        _step++;
        return wrong;
    }

    private void Score(TrainingSentence sentence, float[] emission)
    {
        for (var i = 0; i < sentence.Gold.Length; i++)
        {
            var scores = emission.AsSpan(i * _tagCount, _tagCount);
            scores.Clear();
            foreach (var row in sentence.RowsAt(i))
            {
                if (row < 0)
                {
                    continue;
                }
                var w = _weights.AsSpan(row * _tagCount, _tagCount);
                for (var t = 0; t < _tagCount; t++)
                {
                    scores[t] += w[t];
                }
            }
        }
    }

    private void Update(float[] weights, double[] timed, int index, float delta)
    {
        weights[index] += delta;
        timed[index] += (double)delta * _step;
    }

    /// <summary>The averaged weights: what the model keeps.</summary>
    public (float[] Weights, float[] Transitions) Averaged() =>
        (Average(_weights, _timedUpdates), Average(_transitions, _timedTransitionUpdates));

    private float[] Average(float[] weights, double[] timed)
    {
        var averaged = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            averaged[i] = (float)(weights[i] - timed[i] / _step);
        }
        return averaged;
    }
}

/// <summary>A training sentence reduced to what the perceptron needs: feature rows per token and gold tags.</summary>
internal sealed class TrainingSentence(int[] rows, int[] gold)
{
    public int[] Gold { get; } = gold;

    public ReadOnlySpan<int> RowsAt(int token) => rows.AsSpan(token * FeatureTemplates.Count, FeatureTemplates.Count);
}
