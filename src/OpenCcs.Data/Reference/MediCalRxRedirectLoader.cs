using OpenCcs.Core.Authorizations;

namespace OpenCcs.Data.Reference;

/// <summary>Reads the Medi-Cal Rx redirect (Reference/medi-cal-rx.json, embedded in this assembly).</summary>
public static class MediCalRxRedirectLoader
{
    private const string FileName = "medi-cal-rx.json";

    /// <exception cref="InvalidDataException">The embedded file is missing or malformed.</exception>
    public static MediCalRxRedirect Load()
    {
        using var stream = ReferenceJson.OpenEmbedded(FileName);
        return Load(stream);
    }

    public static MediCalRxRedirect Load(Stream json) =>
        ReferenceJson.Load<RedirectFile, MediCalRxRedirect>(json, FileName, f => f.Version, f =>
        {
            if (string.IsNullOrWhiteSpace(f.WholeChildModelNoteSource)) throw new ArgumentException("The Whole Child Model note needs its source.");
            return new MediCalRxRedirect(f.From, f.Explanation, f.WholeChildModelNote, f.Source);
        });

    private sealed record RedirectFile(string Version, DateOnly From, string Source, string Explanation, string WholeChildModelNote, string WholeChildModelNoteSource);
}
