using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCcs.Core.Authorizations;

namespace OpenCcs.Data.Reference;

/// <summary>Reads the embedded reference files (Reference/*.json) with one set of rules, turning every fault into <see cref="InvalidDataException"/>.</summary>
internal static class ReferenceJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static Stream OpenEmbedded(string fileName)
    {
        var suffix = "Reference." + fileName;
        var assembly = typeof(ReferenceJson).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidDataException($"The embedded resource {suffix} is missing from {assembly.GetName().Name}.");
        return assembly.GetManifestResourceStream(name)!;
    }

    /// <summary>Deserialises <paramref name="json"/> and builds the domain value, reporting any fault with the file name and version.</summary>
    public static TResult Load<TFile, TResult>(Stream json, string fileName, Func<TFile, string> version, Func<TFile, TResult> build)
    {
        ArgumentNullException.ThrowIfNull(json);
        TFile file;
        try
        {
            file = JsonSerializer.Deserialize<TFile>(json, Options) ?? throw new InvalidDataException($"{fileName} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{fileName} is not in the expected format: {e.Message}", e);
        }
        var v = version(file);
        if (string.IsNullOrWhiteSpace(v)) throw new InvalidDataException($"{fileName} has no \"version\".");
        try
        {
            return build(file);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new InvalidDataException($"{fileName} version {v} is invalid: {e.Message}", e);
        }
    }

    /// <summary>A range of codes as written in the files: system, first and last code, and a note for people.</summary>
    internal sealed record RangeEntry(ServiceCodeSystem System, string From, string To, string? Note = null)
    {
        public CodeRange ToRange() => new(System, From, To);
    }
}
