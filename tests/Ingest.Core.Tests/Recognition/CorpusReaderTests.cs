using Ingest.Core.Recognition.Offline.Training;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

public class CorpusReaderTests
{
    [Fact]
    public void Gmb_csv_groups_rows_into_sentences_maps_types_and_strips_person_titles()
    {
        const string csv =
            "Sentence #,Word,POS,Tag\r\n" +
            "Sentence: 1,President,NNP,B-per\r\n,Ana,NNP,I-per\r\n,Kolar,NNP,I-per\r\n,visited,VBD,O\r\n,Peru,NNP,B-gpe\r\n,\",\",\",\",O\r\n" +
            "Sentence: 2,Kenyan,JJ,B-gpe\r\n,officials,NNS,O\r\n,met,VBD,O\r\n,Tuesday,NNP,B-tim\r\n";
        var corpus = GmbCsvReader.Read(new StringReader(csv), "tiny.csv");

        Assert.Equal(2, corpus.Sentences.Count);
        Assert.Equal(["President", "Ana", "Kolar", "visited", "Peru", ","], corpus.Sentences[0].Words);
        Assert.Equal(["O", "B-PER", "I-PER", "O", "B-LOC", "O"], corpus.Sentences[0].Tags);
        Assert.Equal(["B-NORP", "O", "O", "B-TIM"], corpus.Sentences[1].Tags);
    }

    [Fact]
    public void Gmb_reader_decodes_windows_1252()
    {
        var bytes = new byte[] { (byte)'S', (byte)'e', (byte)'n', (byte)'t', (byte)'e', (byte)'n', (byte)'c', (byte)'e', (byte)' ', (byte)'#', (byte)',', (byte)'W', (byte)'\r', (byte)'\n',
            (byte)'S', (byte)':', (byte)'1', (byte)',', 0x92, (byte)',', (byte)'P', (byte)',', (byte)'O', (byte)'\r', (byte)'\n' };
        using var reader = new StreamReader(new MemoryStream(bytes), GmbCsvReader.FileEncoding);
        var corpus = GmbCsvReader.Read(reader, "cp1252.csv");
        Assert.Equal("\u2019", corpus.Sentences[0].Words[0]);
    }

    [Fact]
    public void Io_conll_merges_runs_of_one_type_and_drops_misc()
    {
        const string text = "-DOCSTART- O\n\nThe I-ORG\nAcme I-ORG\nBand I-ORG\nplayed O\nin O\nLagos I-LOC\nwith O\nGerman I-MISC\nfans O\n\nNext O\n";
        var corpus = ConllReader.Read(new StringReader(text), "io.txt");

        Assert.Equal(NerTagScheme.Io, corpus.Scheme);
        Assert.Equal(2, corpus.Sentences.Count);
        Assert.Equal([0, 0], corpus.Sentences.Select(s => s.Document));
        Assert.Equal(["B-ORG", "I-ORG", "I-ORG", "O", "O", "B-LOC", "O", "O", "O"], corpus.Sentences[0].Tags);
    }

    [Fact]
    public void Bio_tab_separated_conll_keeps_adjacent_entities_apart_and_reads_tokens_with_spaces()
    {
        const string text = "Paris\tB-location\nHilton\tB-corporation\nsigned\tO\nnew york\tB-location\n";
        var corpus = ConllReader.Read(new StringReader(text), "bio.conll");

        Assert.Equal(NerTagScheme.Bio, corpus.Scheme);
        Assert.Equal(["Paris", "Hilton", "signed", "new york"], corpus.Sentences[0].Words);
        Assert.Equal(["B-LOC", "B-ORG", "O", "B-LOC"], corpus.Sentences[0].Tags);
    }

    [Fact]
    public void Sec_four_column_lines_take_the_tag_from_the_last_column()
    {
        const string text = "-DOCSTART- -X- O O\n\nBank NNP - I-ORG\nof IN - I-ORG\nUtopia NNP - I-ORG\nlends VBZ - O\n";
        var corpus = ConllReader.Read(new StringReader(text), "sec.txt");
        Assert.Equal(["B-ORG", "I-ORG", "I-ORG", "O"], corpus.Sentences[0].Tags);
    }

    [Fact]
    public void Docstart_lines_number_the_documents()
    {
        const string text = "-DOCSTART- O\n\nA O\n\nB O\n-DOCSTART- O\n\nC O\n";
        var corpus = ConllReader.Read(new StringReader(text), "docs.txt");
        Assert.Equal([0, 0, 1], corpus.Sentences.Select(s => s.Document));
    }

    [Fact]
    public void Gum_unprefixed_labels_become_iob2()
    {
        const string text = "\nMaria\tperson\nSanto\tperson\nflew\tO\nto\tO\nQuito\tplace\n";
        var corpus = ConllReader.Read(new StringReader(text), "gum.tsv");

        Assert.Equal(NerTagScheme.Unprefixed, corpus.Scheme);
        Assert.Equal(["B-PER", "I-PER", "O", "O", "B-LOC"], corpus.Sentences[0].Tags);
    }

    [Fact]
    public void Gmb_split_is_deterministic_keeps_duplicates_together_and_deduplicates()
    {
        var sentence = new NerSentence(["A", "ferry", "sank", "."], ["O", "O", "O", "O"]);
        var duplicate = new NerSentence(["a", "ferry", "sank", "."], ["O", "O", "O", "O"]);
        Assert.Equal(GmbSplit.PortionOf(sentence.Words), GmbSplit.PortionOf(duplicate.Words));

        var portion = GmbSplit.PortionOf(sentence.Words);
        Assert.Single(GmbSplit.Select([sentence, duplicate], portion));
        Assert.Empty(GmbSplit.Select([sentence, duplicate], portion == GmbPortion.Test ? GmbPortion.Train : GmbPortion.Test));
    }
}
