using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Calendar;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>
/// Small reference tables for rule tests, holding the same facts as the embedded files the app loads
/// (the Data tests check those files). Rules are tested against these, not against literals in Core.
/// </summary>
internal static class ReferenceTables
{
    public static readonly BusinessCalendar Calendar = BusinessCalendar.California;

    public static readonly ReviewTimeLimitTable TimeLimits = new(
    [
        new(new DateOnly(2000, 1, 1), new DateOnly(2026, 1, 1), 5, 14, 72, "reference/001; 42 CFR 438.210(d) before CMS-0057-F"),
        new(new DateOnly(2026, 1, 1), null, 5, 7, 72, "reference/001; CMS-0057-F"),
    ], "test");

    private static CodeRange Cpt(string from, string? to = null) => new(ServiceCodeSystem.Cpt, from, to ?? from);

    private static CodeRange Hcpcs(string from, string? to = null) => new(ServiceCodeSystem.Hcpcs, from, to ?? from);

    public static readonly ServiceCodeGroupTable Scg = new(
        [
            new("01", "Physician services", new DateOnly(2000, 1, 1), null,
                [Cpt("99202", "99499"), Cpt("70010", "79999"), Cpt("80047", "89398"), Cpt("90281", "99199"), Hcpcs("J0120", "J9999")], true, "DOMAIN.md §5"),
            new("07", "Orthopedic surgeon", new DateOnly(2000, 1, 1), null, [Cpt("99202", "99499"), Cpt("29000", "29799")], false, "DOMAIN.md §5"),
            new("10", "Ophthalmology", new DateOnly(2000, 1, 1), new DateOnly(2026, 7, 1), [Cpt("99202", "99499"), Cpt("92002", "92499")], false, "DOMAIN.md §5"),
        ],
        new ScgExclusionRules(
            [new RestrictedDrug(Hcpcs("J3398"), "Luxturna (voretigene neparvovec)"), new RestrictedDrug(Hcpcs("J7170", "J7212"), "blood clotting factors")],
            "reference/000",
            [Cpt("10004", "69990")],
            [Cpt("29000", "29799"), Cpt("36415", "36416")],
            "reference/000; convention",
            [
                new(ProductSpecificItem.InsulinSyringes, Hcpcs("A4206", "A4209"), "tuva hcpcs A4206-A4209"),
                new(ProductSpecificItem.DiabeticTestStrips, Hcpcs("A4253"), "tuva hcpcs A4253"),
                new(ProductSpecificItem.Lancets, Hcpcs("A4259"), "tuva hcpcs A4259"),
            ],
            "reference/000",
            "reference/000"),
        "test");

    public static readonly ReviewRules Rules = new(Scg);

    public static readonly MediCalRxRedirect Rx = new(
        new DateOnly(2022, 1, 1),
        "Outpatient pharmacy requests payable by NDC are handled by Medi-Cal Rx. Submit it to Medi-Cal Rx.",
        "Under the Whole Child Model, clotting factor and antipsychotic drugs are carved out to fee-for-service Medi-Cal.",
        "reference/004");

    public static readonly AttachmentRules Attachments = new(
        [new("application/pdf", "PDF", [".pdf"]), new("image/jpeg", "JPEG", [".jpg", ".jpeg"]), new("image/tiff", "TIFF", [".tif", ".tiff"])],
        15 * 1048576L, 150 * 1048576L, "issue 3");
}
