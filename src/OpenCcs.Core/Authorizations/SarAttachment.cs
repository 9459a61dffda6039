using System.Globalization;
using OpenCcs.Core.Common;

namespace OpenCcs.Core.Authorizations;

/// <summary>A document sent with a SAR, as described by its sender; the content is stored elsewhere.</summary>
public sealed record SarAttachment(string FileName, string ContentType, long SizeBytes);

/// <summary>A file type an attachment may be, with the file name endings that go with it.</summary>
public sealed record AttachmentType(string ContentType, string Name, IReadOnlyList<string> Extensions);

/// <summary>What SAR attachments may be (sar-attachments.json): file types, size of each and size of all together.</summary>
public sealed class AttachmentRules
{
    public AttachmentRules(IEnumerable<AttachmentType> types, long maxFileBytes, long maxTotalBytes, string source)
    {
        ArgumentNullException.ThrowIfNull(types);
        Types = types.ToArray();
        if (Types.Count == 0) throw new ArgumentException("Allow at least one attachment type.", nameof(types));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFileBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTotalBytes, maxFileBytes);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        MaxFileBytes = maxFileBytes;
        MaxTotalBytes = maxTotalBytes;
        Source = source;
    }

    public IReadOnlyList<AttachmentType> Types { get; }

    public long MaxFileBytes { get; }

    public long MaxTotalBytes { get; }

    public string Source { get; }

    /// <summary>Checks one file and returns it tidied; every refusal names the file.</summary>
    public SarAttachment Accept(string fileName, string contentType, long sizeBytes)
    {
        // Browsers may send a full path ("C:\fakepath\scan.pdf"); keep only the file's own name.
        var name = (fileName ?? "").Trim();
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        if (name.Length == 0) throw new DomainRuleException("sar.attachment-name-required", "Every attachment needs a file name.");
        var mediaType = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var allowed = string.Join(", ", Types.Select(t => t.Name));
        var type = Types.FirstOrDefault(t => string.Equals(t.ContentType, mediaType, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainRuleException("sar.attachment-type",
                $"{name} is {(mediaType.Length == 0 ? "of an unknown type" : mediaType)}; attach {allowed} files only. Save or scan it as one of those and attach it again.");
        if (!type.Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            throw new DomainRuleException("sar.attachment-type",
                $"{name} is sent as {type.Name} but its name does not end in {string.Join(" or ", type.Extensions)}. Attach {allowed} files with matching names.");
        if (sizeBytes <= 0) throw new DomainRuleException("sar.attachment-empty", $"{name} is empty. Attach the file again.");
        if (sizeBytes > MaxFileBytes)
            throw new DomainRuleException("sar.attachment-too-large",
                $"{name} is {Megabytes(sizeBytes)}; each attachment may be at most {Megabytes(MaxFileBytes)}. Split it or scan it at a lower resolution.");
        return new SarAttachment(name, type.ContentType, sizeBytes);
    }

    /// <summary>Checks every file and their total; <paramref name="alreadyAttached"/> counts towards the total.</summary>
    public IReadOnlyList<SarAttachment> AcceptAll(IEnumerable<SarAttachment> files, IEnumerable<SarAttachment>? alreadyAttached = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var accepted = files.Select(f => Accept(f.FileName, f.ContentType, f.SizeBytes)).ToArray();
        var total = accepted.Sum(f => f.SizeBytes) + (alreadyAttached?.Sum(f => f.SizeBytes) ?? 0);
        if (total > MaxTotalBytes)
            throw new DomainRuleException("sar.attachments-too-large",
                $"The attachments add up to {Megabytes(total)}; a SAR may carry at most {Megabytes(MaxTotalBytes)} in all. Leave out {string.Join(", ", accepted.OrderByDescending(f => f.SizeBytes).Take(1).Select(f => f.FileName))} or another large file.");
        return accepted;
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MB");
}
