using OpenCcs.Core.Authorizations;

namespace OpenCcs.Data.Reference;

/// <summary>Reads the SAR attachment rules (Reference/sar-attachments.json, embedded in this assembly).</summary>
public static class AttachmentRulesLoader
{
    private const string FileName = "sar-attachments.json";

    /// <exception cref="InvalidDataException">The embedded file is missing or malformed.</exception>
    public static AttachmentRules Load()
    {
        using var stream = ReferenceJson.OpenEmbedded(FileName);
        return Load(stream);
    }

    public static AttachmentRules Load(Stream json) =>
        ReferenceJson.Load<AttachmentsFile, AttachmentRules>(json, FileName, f => f.Version, f => new AttachmentRules(
            f.Types.Select(t => new AttachmentType(t.ContentType, t.Name, t.Extensions)), f.MaxFileBytes, f.MaxTotalBytes, f.Source));

    private sealed record AttachmentsFile(string Version, string Source, List<TypeEntry> Types, long MaxFileBytes, long MaxTotalBytes);

    private sealed record TypeEntry(string ContentType, string Name, List<string> Extensions);
}
