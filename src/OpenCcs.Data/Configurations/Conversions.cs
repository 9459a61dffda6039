using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Data.Configurations;

/// <summary>Identifiers are stored as their canonical text (county codes as numbers) and re-validated on read.</summary>
internal static class Conversions
{
    public static readonly ValueConverter<Cin, string> Cin = new(v => v.Value, v => Core.Identifiers.Cin.Parse(v, null));
    public static readonly ValueConverter<Npi, string> Npi = new(v => v.Value, v => Core.Identifiers.Npi.Parse(v, null));
    public static readonly ValueConverter<SarNumber, string> SarNumber = new(v => v.Value, v => Core.Identifiers.SarNumber.Parse(v, null));
    public static readonly ValueConverter<CountyCode, int> County = new(v => v.Value, v => CountyCode.From(v));
}
