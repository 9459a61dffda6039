using OpenCcs.Core.Counties;

namespace OpenCcs.Core.Tests.Counties;

/// <summary>Builds directories of the 58 real county names with simple Classic periods for rule tests.</summary>
internal static class CountyBuilder
{
    public static readonly string[] Names =
    [
        "Alameda", "Alpine", "Amador", "Butte", "Calaveras", "Colusa", "Contra Costa", "Del Norte", "El Dorado",
        "Fresno", "Glenn", "Humboldt", "Imperial", "Inyo", "Kern", "Kings", "Lake", "Lassen", "Los Angeles",
        "Madera", "Marin", "Mariposa", "Mendocino", "Merced", "Modoc", "Mono", "Monterey", "Napa", "Nevada",
        "Orange", "Placer", "Plumas", "Riverside", "Sacramento", "San Benito", "San Bernardino", "San Diego",
        "San Francisco", "San Joaquin", "San Luis Obispo", "San Mateo", "Santa Barbara", "Santa Clara",
        "Santa Cruz", "Shasta", "Sierra", "Siskiyou", "Solano", "Sonoma", "Stanislaus", "Sutter", "Tehama",
        "Trinity", "Tulare", "Tuolumne", "Ventura", "Yolo", "Yuba",
    ];

    public static readonly DateOnly Start = new(2000, 1, 1);

    public static CountyModelPeriod Classic(DateOnly from, DateOnly? to = null, Administration administration = Administration.Independent) =>
        new(from, to, CareModel.Classic, null, administration, "convention");

    public static CountyModelPeriod WholeChild(DateOnly from, string plan, DateOnly? to = null) =>
        new(from, to, CareModel.WholeChildModel, plan, Administration.Independent, "regulation");

    public static County County(int code, params CountyModelPeriod[] periods) =>
        new(CountyCode.From(code), Names[code - 1], Fips(code), periods.Length == 0 ? [Classic(Start)] : periods);

    // California county FIPS codes are 06 followed by the odd numbers 001..115 in the same alphabetical order.
    public static string Fips(int code) => $"06{2 * code - 1:000}";

    public static List<County> All() => Enumerable.Range(1, Names.Length).Select(code => County(code)).ToList();

    public static CountyDirectory Directory(Func<int, County>? overrideFor = null) =>
        new(Enumerable.Range(1, Names.Length).Select(code => overrideFor?.Invoke(code) ?? County(code)));
}
