using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCcs.Core.Counties;

namespace OpenCcs.Data.Reference;

/// <summary>Reads the county reference data (Reference/counties.json, embedded in this assembly).</summary>
public static class CountyDirectoryLoader
{
    private const string ResourceSuffix = "Reference.counties.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Loads and validates the embedded county directory.</summary>
    /// <exception cref="InvalidDataException">The embedded file is missing or malformed.</exception>
    public static CountyDirectory Load()
    {
        var assembly = typeof(CountyDirectoryLoader).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            ?? throw new InvalidDataException($"The embedded resource {ResourceSuffix} is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        return Load(stream);
    }

    /// <summary>Loads a county directory from JSON in the counties.json format.</summary>
    public static CountyDirectory Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        CountiesFile file;
        try
        {
            file = JsonSerializer.Deserialize<CountiesFile>(json, Options)
                ?? throw new InvalidDataException("The county reference file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The county reference file is not in the expected format: {e.Message}", e);
        }
        if (string.IsNullOrWhiteSpace(file.Version))
            throw new InvalidDataException("The county reference file has no \"version\".");

        try
        {
            var counties = file.Counties.Select(ToCounty);
            return new CountyDirectory(counties, file.StateOffice is { } state ? ToContact(state) : null);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new InvalidDataException($"County reference data version {file.Version} is invalid: {e.Message}", e);
        }
    }

    private static County ToCounty(CountyEntry entry) =>
        new(
            CountyCode.Parse(entry.Code),
            entry.Name,
            entry.Fips,
            entry.Periods.Select(p => new CountyModelPeriod(
                p.From, p.To, p.CareModel, p.Plan, p.Administration, p.Source, p.AdministrationSource)),
            entry.Office is { } office ? ToContact(office) : null,
            entry.Population2020);

    private static CountyOfficeContact ToContact(ContactEntry c) =>
        new(c.Phone, c.AlternatePhone, c.Fax, c.MailingAddress, c.PhysicalAddress, c.Source);

    private sealed record CountiesFile(string Version, List<CountyEntry> Counties, ContactEntry? StateOffice = null);

    private sealed record CountyEntry(
        string Code, string Name, string Fips, List<PeriodEntry> Periods, int? Population2020 = null, ContactEntry? Office = null);

    private sealed record PeriodEntry(
        DateOnly From, CareModel CareModel, Administration Administration, string Source,
        DateOnly? To = null, string? Plan = null, string? AdministrationSource = null);

    private sealed record ContactEntry(
        string Source, string? Phone = null, string? AlternatePhone = null, string? Fax = null,
        string? MailingAddress = null, string? PhysicalAddress = null);
}
