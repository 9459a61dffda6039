using OpenCcs.Core.Authorizations;
using static OpenCcs.Data.Reference.ReferenceJson;

namespace OpenCcs.Data.Reference;

/// <summary>Reads the Service Code Groupings and their exclusions (Reference/scg.json, embedded in this assembly).</summary>
public static class ServiceCodeGroupTableLoader
{
    private const string FileName = "scg.json";

    /// <exception cref="InvalidDataException">The embedded file is missing or malformed.</exception>
    public static ServiceCodeGroupTable Load()
    {
        using var stream = OpenEmbedded(FileName);
        return Load(stream);
    }

    public static ServiceCodeGroupTable Load(Stream json) =>
        ReferenceJson.Load<ScgFile, ServiceCodeGroupTable>(json, FileName, f => f.Version, f =>
        {
            var x = f.Exclusions;
            var exclusions = new ScgExclusionRules(
                x.RestrictedDrugs.Drugs.Select(d => new RestrictedDrug(d.Codes.ToRange(), d.Name)).ToArray(),
                x.RestrictedDrugs.Source,
                x.Surgery.Ranges.Select(r => r.ToRange()).ToArray(),
                x.Surgery.AllowedInScg.Select(r => r.ToRange()).ToArray(),
                x.Surgery.Source,
                x.ProductSpecific.Items.Select(i => new ProductSpecificCodes(i.Item, i.Codes.ToRange(), i.Source)).ToArray(),
                x.ProductSpecific.Source,
                x.BrandNameDrugs.Source);
            var groups = f.Groups.Select(g => new ServiceCodeGroup(
                g.Code, g.Name, g.From, g.To, g.Includes.Select(r => r.ToRange()), g.IncludesDrugs, g.Source));
            return new ServiceCodeGroupTable(groups, exclusions, f.Version);
        });

    private sealed record ScgFile(string Version, List<GroupEntry> Groups, ExclusionsEntry Exclusions);

    private sealed record GroupEntry(
        string Code, string Name, DateOnly From, string Source, bool IncludesDrugs, List<RangeEntry> Includes, DateOnly? To = null);

    private sealed record ExclusionsEntry(RestrictedEntry RestrictedDrugs, SourceEntry BrandNameDrugs, SurgeryEntry Surgery, ProductEntry ProductSpecific);

    private sealed record SourceEntry(string Source);

    private sealed record RestrictedEntry(string Source, List<DrugEntry> Drugs);

    private sealed record DrugEntry(string Name, RangeEntry Codes, string Source);

    private sealed record SurgeryEntry(string Source, List<RangeEntry> Ranges, List<RangeEntry> AllowedInScg);

    private sealed record ProductEntry(string Source, List<ItemEntry> Items);

    private sealed record ItemEntry(ProductSpecificItem Item, RangeEntry Codes, string Source);
}
