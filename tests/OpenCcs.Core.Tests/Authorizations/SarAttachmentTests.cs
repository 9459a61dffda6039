using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>SAR attachments: PDF, JPEG or TIFF only, 15 MB each, 150 MB in all (issue 3); every refusal names the file.</summary>
public class SarAttachmentTests
{
    private const long Megabyte = 1048576;
    private static readonly AttachmentRules Attachments = ReferenceTables.Attachments;

    [Theory]
    [InlineData("cardiology-note.pdf", "application/pdf")]
    [InlineData("echo.JPG", "image/jpeg")]
    [InlineData("echo.jpeg", "IMAGE/JPEG")]
    [InlineData("fax-scan.tiff", "image/tiff")]
    [InlineData("fax-scan.tif", "image/tiff; charset=binary")]
    public void Pdf_jpeg_and_tiff_files_are_accepted(string name, string type)
    {
        var attachment = Attachments.Accept(name, type, 2 * Megabyte);

        Assert.Equal(name, attachment.FileName);
        Assert.Equal(2 * Megabyte, attachment.SizeBytes);
    }

    [Fact]
    public void Only_the_files_own_name_is_kept()
    {
        Assert.Equal("scan.pdf", Attachments.Accept(@"C:\fakepath\scan.pdf", "application/pdf", 10).FileName);
    }

    [Fact]
    public void Other_file_types_are_refused_naming_the_file()
    {
        var error = Rules.Refused("sar.attachment-type",
            () => Attachments.Accept("letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Megabyte));

        Assert.StartsWith("letter.docx is application/vnd.openxmlformats-officedocument.wordprocessingml.document; attach PDF, JPEG, TIFF files only.", error.Message);
    }

    [Fact]
    public void File_whose_name_does_not_match_its_type_is_refused()
    {
        var error = Rules.Refused("sar.attachment-type", () => Attachments.Accept("note.exe", "application/pdf", Megabyte));

        Assert.StartsWith("note.exe is sent as PDF but its name does not end in .pdf.", error.Message);
    }

    [Fact]
    public void File_of_exactly_15_megabytes_is_accepted_and_one_byte_more_is_refused_naming_the_file()
    {
        Attachments.Accept("mri.pdf", "application/pdf", 15 * Megabyte);

        var error = Rules.Refused("sar.attachment-too-large", () => Attachments.Accept("mri.pdf", "application/pdf", 15 * Megabyte + 1));

        Assert.StartsWith("mri.pdf is 15 MB; each attachment may be at most 15 MB.", error.Message);
    }

    [Fact]
    public void Empty_file_is_refused_naming_it()
    {
        var error = Rules.Refused("sar.attachment-empty", () => Attachments.Accept("blank.pdf", "application/pdf", 0));

        Assert.Equal("blank.pdf is empty. Attach the file again.", error.Message);
    }

    [Fact]
    public void Attachment_needs_a_file_name()
    {
        Rules.Refused("sar.attachment-name-required", () => Attachments.Accept(" ", "application/pdf", 10));
    }

    [Fact]
    public void Attachments_may_add_up_to_150_megabytes_in_all()
    {
        var tenFiles = Enumerable.Range(1, 10).Select(i => new SarAttachment($"part-{i}.pdf", "application/pdf", 15 * Megabyte));

        Assert.Equal(10, Attachments.AcceptAll(tenFiles).Count);
    }

    [Fact]
    public void Attachments_over_150_megabytes_in_all_are_refused_counting_those_already_attached()
    {
        SarAttachment[] already = [new("history.pdf", "application/pdf", 140 * Megabyte)];
        SarAttachment[] more = [new("note.pdf", "application/pdf", 5 * Megabyte), new("scan.tiff", "image/tiff", 6 * Megabyte)];

        var error = Rules.Refused("sar.attachments-too-large", () => Attachments.AcceptAll(more, already));

        Assert.StartsWith("The attachments add up to 151 MB; a SAR may carry at most 150 MB in all. Leave out scan.tiff", error.Message);
    }
}
