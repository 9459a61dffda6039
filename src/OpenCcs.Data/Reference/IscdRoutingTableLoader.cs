using OpenCcs.Core.Authorizations;
using static OpenCcs.Data.Reference.ReferenceJson;

namespace OpenCcs.Data.Reference;

/// <summary>Reads the ISCD routing categories (Reference/iscd-routing.json, embedded in this assembly).</summary>
public static class IscdRoutingTableLoader
{
    private const string FileName = "iscd-routing.json";

    /// <exception cref="InvalidDataException">The embedded file is missing or malformed.</exception>
    public static IscdRoutingTable Load()
    {
        using var stream = OpenEmbedded(FileName);
        return Load(stream);
    }

    public static IscdRoutingTable Load(Stream json) =>
        ReferenceJson.Load<RoutingFile, IscdRoutingTable>(json, FileName, f => f.Version, f => new IscdRoutingTable(
            f.Categories.Select(ToCategory), f.Escalation.AfterDays, f.Escalation.Source, f.Version));

    private static IscdCategory ToCategory(CategoryEntry c)
    {
        if (string.IsNullOrWhiteSpace(c.Id) || string.IsNullOrWhiteSpace(c.Name) || string.IsNullOrWhiteSpace(c.Source))
            throw new ArgumentException("Every ISCD routing category needs an id, a name and a source.");
        var hints = new IscdHints(
            c.Codes.Select(r => r.ToRange()).ToArray(),
            c.DiagnosisPrefixes,
            c.Keywords,
            c.Flags.Aggregate(SarRequestFlags.None, (all, flag) => all | flag),
            c.FormTypes);
        if (hints.Codes.Count + hints.DiagnosisPrefixes.Count + hints.Keywords.Count + hints.FormTypes.Count == 0 && hints.Flags == SarRequestFlags.None)
            throw new ArgumentException($"ISCD routing category '{c.Id}' has no hint that could ever match it.");
        return new IscdCategory(c.Id, c.Name, c.Queue, hints, c.Source);
    }

    private sealed record RoutingFile(string Version, EscalationEntry Escalation, List<CategoryEntry> Categories);

    private sealed record EscalationEntry(int AfterDays, string Source);

    private sealed record CategoryEntry(
        string Id, string Name, IscdQueue Queue, string Source, List<RangeEntry> Codes, List<string> DiagnosisPrefixes,
        List<string> Keywords, List<SarRequestFlags> Flags, List<SarFormType> FormTypes);
}
