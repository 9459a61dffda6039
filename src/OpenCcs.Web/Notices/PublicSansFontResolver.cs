using System.Collections.Frozen;
using PdfSharp.Fonts;

namespace OpenCcs.Web.Notices;

/// <summary>
/// Serves Public Sans, the typeface of the web UI, to PDFsharp from the TTF files embedded in this
/// assembly, so notices render the same on any machine, with or without a web root.
/// </summary>
/// <remarks>
/// Two families are known: <see cref="Family"/> (regular, bold, italic; bold italic falls back to bold)
/// and <see cref="SemiBoldFamily"/>. Any other family name resolves to nothing, so a typo fails loudly
/// instead of silently printing in another face.
/// </remarks>
public sealed class PublicSansFontResolver : IFontResolver
{
    public const string Family = "Public Sans";
    public const string SemiBoldFamily = "Public Sans SemiBold";

    private const string Regular = "PublicSans-Regular";
    private const string Bold = "PublicSans-Bold";
    private const string Italic = "PublicSans-Italic";
    private const string SemiBold = "PublicSans-SemiBold";

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Faces = new(LoadFaces);

    /// <summary>The face names this resolver can serve, each one a TTF embedded in the assembly.</summary>
    public static IReadOnlyCollection<string> FaceNames { get; } = [Regular, Bold, Italic, SemiBold];

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (string.Equals(familyName, SemiBoldFamily, StringComparison.OrdinalIgnoreCase))
            return new FontResolverInfo(SemiBold);
        if (!string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase))
            return null;
        return (bold, italic) switch
        {
            (true, _) => new FontResolverInfo(Bold),
            (false, true) => new FontResolverInfo(Italic),
            _ => new FontResolverInfo(Regular),
        };
    }

    public byte[]? GetFont(string faceName) => Faces.Value.GetValueOrDefault(faceName);

    private static FrozenDictionary<string, byte[]> LoadFaces()
    {
        var assembly = typeof(PublicSansFontResolver).Assembly;
        var faces = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var face in FaceNames)
        {
            var resource = $"OpenCcs.Web.Notices.Fonts.{face}.ttf";
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The font resource '{resource}' is not embedded in {assembly.GetName().Name}.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            faces[face] = copy.ToArray();
        }
        return faces.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
