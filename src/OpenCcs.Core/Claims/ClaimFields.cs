namespace OpenCcs.Core.Claims;

/// <summary>Where on each form a provider corrects a value, so every fix names the field to change.</summary>
internal static class ClaimFields
{
    public static string MemberId(ClaimForm form) => form switch
    {
        ClaimForm.Institutional => "UB-04 FL 60 / 837I NM1*IL (NM109)",
        ClaimForm.Pharmacy => "the cardholder ID (NCPDP 302-C2)",
        _ => "CMS-1500 field 1a / 837P NM1*IL (NM109)",
    };

    public static string SarNumber(ClaimForm form) => form switch
    {
        ClaimForm.Institutional => "UB-04 FL 63 / 837I REF*G1",
        ClaimForm.Pharmacy => "the prior authorization number (NCPDP 462-EV)",
        _ => "CMS-1500 field 23 / 837P REF*G1",
    };

    public static string DateOfService(ClaimForm form) => form switch
    {
        ClaimForm.Institutional => "UB-04 FL 45 / 837I DTP*472",
        ClaimForm.Pharmacy => "the date of service (NCPDP 401-D1)",
        _ => "CMS-1500 field 24A / 837P DTP*472",
    };

    public static string Code(ClaimForm form) => form switch
    {
        ClaimForm.Institutional => "UB-04 FL 42 and 44 / 837I SV2",
        ClaimForm.Pharmacy => "the product/service ID (NCPDP 407-D7)",
        _ => "CMS-1500 field 24D / 837P SV1-01",
    };

    public static string Units(ClaimForm form) => form switch
    {
        ClaimForm.Institutional => "UB-04 FL 46 / 837I SV2-05",
        ClaimForm.Pharmacy => "the quantity dispensed (NCPDP 442-E7)",
        _ => "CMS-1500 field 24G / 837P SV1-04",
    };

    public static string Referring(ClaimForm form) => form switch
    {
        ClaimForm.Institutional => "UB-04 FL 78–79 / 837I NM1*DN",
        ClaimForm.Pharmacy => "the prescriber ID (NCPDP 411-DB)",
        _ => "CMS-1500 field 17/17b / 837P NM1*DN",
    };

    public static string Provider(ClaimForm form) => form switch
    {
        ClaimForm.Institutional => "UB-04 FL 56 / 837I NM1*85 (billing) or NM1*82 (rendering)",
        ClaimForm.Pharmacy => "the service provider ID (NCPDP 201-B1)",
        _ => "CMS-1500 field 24J (rendering) or 33a (billing) / 837P NM1*82 or NM1*85",
    };

    public const string Bin = "the BIN (NCPDP 101-A1)";
}
