namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// Chooses the softmax temperature that makes token confidences honest on held-out data: the one, from a fixed
/// grid, with the lowest log loss of "this entity tag is right" over the tokens the model tags as entities.
/// </summary>
internal static class ConfidenceCalibration
{
    private static readonly float[] Grid = [0.25f, 0.5f, 1f, 1.5f, 2f, 3f, 4f, 6f, 8f, 12f, 16f, 24f, 32f];

    public static float FitTemperature(NerModel model, IReadOnlyList<NerSentence> held)
    {
        var best = Grid[0];
        var bestLoss = double.MaxValue;
        foreach (var temperature in Grid)
        {
            var candidate = model.WithConfidenceTemperature(temperature);
            var loss = 0.0;
            foreach (var sentence in held)
            {
                var traits = NerTrainer.TraitsOf(sentence.Words, model.Lexicon, model.Gazetteer);
                var tags = new int[traits.Length];
                var confidence = new float[traits.Length];
                SequenceDecoder.Decode(candidate, traits, tags, confidence);
                for (var i = 0; i < tags.Length; i++)
                {
                    if (tags[i] == 0)
                    {
                        continue;
                    }
                    var p = Math.Clamp(confidence[i], 1e-6, 1 - 1e-6);
                    loss -= model.Tags.Names[tags[i]] == sentence.Tags[i] ? Math.Log(p) : Math.Log(1 - p);
                }
            }
            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = temperature;
            }
        }
        return best;
    }
}
