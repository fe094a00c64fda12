using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

public class TaggerContextTests
{
    private static TokenTraits[] Traits(params string[] words) =>
        words.Select(w => TokenTraits.Of(w, WordLexicon.Empty)).ToArray();

    [Fact]
    public void Name_runs_span_capitalized_words_and_inner_particles_but_not_trailing_ones()
    {
        var sentence = Traits("the", "Bank", "of", "Ghana", "said", "Ama", "of");
        NameRuns.Mark(sentence);

        Assert.Equal(0, sentence[0].RunPosition);
        Assert.Equal(sentence[1].Folded, sentence[3].RunFirst);
        Assert.Equal(sentence[3].Folded, sentence[1].RunLast);
        Assert.Equal(sentence[3].Folded, sentence[2].RunLast);
        Assert.Equal(new byte[] { 2, 3, 4 }, new[] { sentence[1].RunPosition, sentence[2].RunPosition, sentence[3].RunPosition });
        Assert.Equal(1, sentence[5].RunPosition);
        Assert.Equal(0, sentence[6].RunPosition);
    }

    [Fact]
    public void The_gazetteer_marks_the_longest_listed_phrase()
    {
        var phrases = new Dictionary<ulong, byte>
        {
            [Gazetteer.PhraseKey(Traits("New", "York"))] = 1,
            [Gazetteer.PhraseKey(Traits("New", "York", "Times"))] = 2,
        };
        var gazetteer = new Gazetteer(phrases);
        var sentence = Traits("the", "New", "York", "Times", "and", "New", "York");
        gazetteer.Mark(sentence);

        Assert.Equal(new byte[] { 0, 5, 6, 6, 0, 3, 4 }, sentence.Select(t => t.GazetteerMark).ToArray());
    }

    [Fact]
    public void The_gazetteer_survives_a_write_and_read()
    {
        var gazetteer = new Gazetteer(new Dictionary<ulong, byte> { [Gazetteer.PhraseKey(Traits("Lagos"))] = 1 });
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            gazetteer.Write(writer);
        }
        buffer.Position = 0;
        var read = Gazetteer.Read(new BinaryReader(buffer));

        var sentence = Traits("Lagos");
        read.Mark(sentence);
        Assert.Equal(3, sentence[0].GazetteerMark);
    }

    [Fact]
    public void Document_consistency_gives_one_text_its_most_confident_category()
    {
        EntityMention Mention(int offset, string category, double confidence) =>
            new() { Text = "Kabul", Category = category, Offset = offset, Length = 5, Confidence = confidence };
        var agreed = DocumentConsistency.Apply(
        [
            Mention(0, EntityCategories.Location, 0.9), Mention(20, EntityCategories.Organization, 0.6),
            Mention(40, EntityCategories.Location, 0.5),
            new EntityMention { Text = "Herat", Category = EntityCategories.Location, Offset = 60, Length = 5, Confidence = 0.7 },
        ]);

        Assert.All(agreed.Take(3), m => Assert.Equal(EntityCategories.Location, m.Category));
        Assert.Equal(0.6, agreed[1].Confidence);
        Assert.Equal(4, agreed.Count);
    }
}
