namespace OpenCcs.X12.Tests;

public sealed class SegmentReaderTests
{
    private static List<string> Ids(string text)
    {
        using var reader = X12Text.Segments(text);
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.Current.IdString);
        }

        return ids;
    }

    [Fact]
    public void Delimiters_come_from_the_isa_header()
    {
        using var reader = X12Text.Segments(X12Text.Interchange(X12Text.Professional, X12Text.ProfessionalBody()));

        Assert.True(reader.Read());
        Assert.Equal(new X12Delimiters('*', ':', '^', '~'), reader.Delimiters);
        Assert.Equal(1, reader.Current.Number);
        Assert.Equal(16, reader.Current.ElementCount);
        Assert.Equal("000000001", reader.Current[13].ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    public void Elements_split_at_every_separator_wherever_it_falls_in_the_segment(int width)
    {
        // Elements of one width put separators at every position modulo eight, so the eight-character blocks of the
        // tokenizer and its tail loop both meet them, as do empty elements (two separators side by side).
        var elements = Enumerable.Range(0, 40).Select(i => i % 5 == 4 ? "" : new string((char)('A' + i % 26), width)).ToArray();
        var text = X12Text.Isa() + "NTE*" + string.Join('*', elements) + "~";

        using var reader = X12Text.Segments(text);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        var segment = reader.Current;

        Assert.Equal("NTE", segment.IdString);
        Assert.Equal(elements.Length, segment.ElementCount);
        for (var i = 0; i < elements.Length; i++)
        {
            Assert.Equal(elements[i], segment[i + 1].ToString());
        }
    }

    [Fact]
    public void Newline_terminated_segments_tolerate_indentation_and_crlf()
    {
        var text = X12Text.WithDelimiters(X12Text.Interchange(X12Text.Professional, X12Text.ProfessionalBody()), '*', ':', '^', "\r\n    ");

        using var reader = X12Text.Segments(text);
        Assert.True(reader.Read());
        Assert.True(reader.Delimiters.SegmentEndsAtLineBreak);
        Assert.Equal(["ISA", "GS", "ST", "BHT", "NM1", "NM1", "HL", "NM1", "HL", "SBR", "NM1", "DMG", "SE", "GE", "IEA"], Ids(text));
    }

    [Fact]
    public void Tilde_caret_underscore_delimiters_are_detected()
    {
        var text = X12Text.WithDelimiters(X12Text.Interchange(X12Text.Professional, X12Text.ProfessionalBody("CLM*P1*10***11:B:1*Y*A*Y*Y")), '~', '^', '{', "_");

        using var reader = X12Text.Segments(text);
        Assert.True(reader.Read());
        Assert.Equal(new X12Delimiters('~', '^', '{', '_'), reader.Delimiters);
        while (reader.Read() && !reader.Current.Is("CLM"))
        {
        }

        Assert.Equal("B", reader.Current.Component(5, 2).ToString());
        Assert.Equal(3, reader.Current.ComponentCount(5));
    }

    [Fact]
    public void Line_breaks_and_indentation_after_the_terminator_are_layout()
    {
        var text = X12Text.Interchange(X12Text.Professional, X12Text.ProfessionalBody()).Replace("~", "~\r\n  \t");

        Assert.Equal(15, Ids(text).Count);
    }

    [Fact]
    public void Isa11_code_u_in_4010_means_no_repetition_separator()
    {
        var text = X12Text.Interchange(X12Text.Professional, X12Text.ProfessionalBody()).Replace("*^*00501*", "*U*00401*");

        using var reader = X12Text.Segments(text);
        Assert.True(reader.Read());
        Assert.Null(reader.Delimiters.Repetition);
    }

    [Fact]
    public void Missing_elements_and_components_read_as_empty()
    {
        using var reader = X12Text.Segments(X12Text.Interchange(X12Text.Professional, "SV1*HC:99213*10"));
        while (reader.Read() && !reader.Current.Is("SV1"))
        {
        }

        var sv1 = reader.Current;
        Assert.Equal("99213", sv1.Component(1, 2).ToString());
        Assert.True(sv1.Component(1, 3).IsEmpty);
        Assert.True(sv1[9].IsEmpty);
        Assert.Null(sv1.GetString(9));
        Assert.Equal(0, sv1.ComponentCount(7));
    }

    [Fact]
    public void Segments_longer_than_the_read_buffer_are_read_whole()
    {
        var note = new string('A', 100_000);
        var text = X12Text.Interchange(X12Text.Professional, $"NTE*ADD*{note}", "LX*1");

        using var reader = X12Text.Segments(text);
        while (reader.Read() && !reader.Current.Is("NTE"))
        {
        }

        Assert.Equal(note.Length, reader.Current[2].Length);
        Assert.True(reader.Read());
        Assert.True(reader.Current.Is("LX"));
    }

    [Fact]
    public void Segment_numbers_count_from_the_first_isa()
    {
        using var reader = X12Text.Segments(X12Text.Interchange(X12Text.Professional, "LX*1"));
        var numbers = new List<int>();
        while (reader.Read())
        {
            numbers.Add(reader.Current.Number);
        }

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], numbers);
    }

    [Fact]
    public void Consecutive_interchanges_may_use_different_delimiters()
    {
        var first = X12Text.Interchange(X12Text.Professional, "LX*1");
        var second = X12Text.WithDelimiters(first, '|', '>', '^', "\n");

        var ids = Ids(first + "\r\n" + second);

        Assert.Equal(14, ids.Count);
        Assert.Equal("ISA", ids[7]);
    }

    [Fact]
    public void Data_that_does_not_start_with_isa_is_rejected_at_segment_1()
    {
        var error = Assert.Throws<X12Exception>(() => Ids("GS*HC*A*B~"));

        Assert.Equal(1, error.SegmentNumber);
        Assert.Contains("does not begin with an ISA", error.Message);
    }

    [Fact]
    public void Truncated_isa_header_is_reported()
    {
        var error = Assert.Throws<X12Exception>(() => Ids("ISA*00*          *00*"));

        Assert.Equal("ISA", error.SegmentId);
        Assert.Contains("incomplete", error.Message);
    }

    [Fact]
    public void Garbage_segment_identifier_reports_its_segment_number()
    {
        var text = X12Text.Interchange(X12Text.Professional, "LX*1", "lx*2");

        var error = Assert.Throws<X12Exception>(() => Ids(text));

        Assert.Equal(5, error.SegmentNumber);
        Assert.Contains("\"lx\" is not a segment identifier", error.Message);
    }

    [Fact]
    public void Text_after_iea_that_is_not_an_isa_is_rejected()
    {
        var error = Assert.Throws<X12Exception>(() => Ids(X12Text.Interchange(X12Text.Professional, "LX*1") + "\nTRAILING JUNK"));

        Assert.Contains("expected an ISA interchange header after IEA", error.Message);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_skipped()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.ASCII.GetBytes(X12Text.Interchange(X12Text.Professional, "LX*1"))).ToArray();
        using var reader = new X12SegmentReader(new MemoryStream(bytes));

        Assert.True(reader.Read());
        Assert.True(reader.Current.Is("ISA"));
    }
}
