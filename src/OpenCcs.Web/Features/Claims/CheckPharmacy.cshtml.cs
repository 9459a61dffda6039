using Microsoft.AspNetCore.Mvc;
using OpenCcs.Core.Claims;

namespace OpenCcs.Web.Features.Claims;

/// <summary>A pharmacy checks a pharmacy claim: the BIN, the drug (NDC), quantity, brand name as written, the SAR and the child.</summary>
public sealed class CheckPharmacyModel(CheckClaims handler) : ClaimFormModel(handler)
{
    /// <summary>The handler's names for the one line, as this form names its fields.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["billingNpi"] = "pharmacyNpi",
        ["lines"] = "ndc",
        ["lines[0].ndc"] = "ndc",
        ["lines[0].units"] = "quantity",
        ["lines[0].from"] = "dateOfService",
        ["lines[0].to"] = "dateOfService",
        ["lines[0].priorAuthorization"] = "priorAuthorization",
    };

    [BindProperty] public string? MemberId { get; set; }
    [BindProperty] public string? PharmacyNpi { get; set; }
    [BindProperty] public string? Bin { get; set; }
    [BindProperty] public string? PriorAuthorization { get; set; }
    [BindProperty] public string? DateOfService { get; set; }
    [BindProperty] public string? Ndc { get; set; }
    [BindProperty] public string? Quantity { get; set; }
    [BindProperty] public bool BrandName { get; set; }

    public void OnGet() => Bin ??= "610442";

    protected override string FieldFor(string key) => Fields.GetValueOrDefault(key, key);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var line = new ClaimLineToCheck
        {
            LineNumber = 1,
            From = ParseDate(DateOfService, "dateOfService", "Enter the date the prescription was filled as year-month-day."),
            Ndc = Clean(Ndc),
            Units = ParseUnits(Quantity, "quantity", "Enter the quantity dispensed as a number, for example 30."),
            BrandName = BrandName,
        };
        await CheckAsync(new ClaimToCheck
        {
            Form = ClaimForm.Pharmacy,
            MemberId = Clean(MemberId),
            BillingNpi = Clean(PharmacyNpi),
            Bin = Clean(Bin),
            PriorAuthorization = Clean(PriorAuthorization),
            Lines = [line],
        }, cancellationToken);
        return Page();
    }
}
