namespace OpenCcs.Web.Features;

/// <summary>How instants are shown to people: in California time, US date order.</summary>
public static class Display
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public static System.DateTime ToPacific(System.DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Pacific);

    public static string Date(System.DateTime utc) => ToPacific(utc).ToString("MM/dd/yyyy");

    public static string DateTime(System.DateTime utc) => ToPacific(utc).ToString("MM/dd/yyyy h:mm tt");

    public static string Date(DateOnly date) => date.ToString("MM/dd/yyyy");

    /// <summary>A SAR type as reviewers and providers call it.</summary>
    public static string SarType(OpenCcs.Core.Authorizations.SarType type) => type switch
    {
        OpenCcs.Core.Authorizations.SarType.Physician => "Physician",
        OpenCcs.Core.Authorizations.SarType.SpecialCareCenter => "Special Care Center",
        OpenCcs.Core.Authorizations.SarType.HospitalInpatientDays => "Hospital (inpatient days)",
        OpenCcs.Core.Authorizations.SarType.Nicu => "NICU",
        _ => "Product-specific (NDC or supply code)",
    };
}
