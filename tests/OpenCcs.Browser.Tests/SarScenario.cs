using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Providers;

namespace OpenCcs.Browser.Tests;

/// <summary>
/// What a provider needs to send an eSAR for a real child of the demo data: a Los Angeles child with a CIN and an
/// open case (the nurse demo account reviews Los Angeles), and a physician of the provider's organisation who is
/// paneled today. Read from the app's own database so the tests follow the seed.
/// </summary>
public sealed record SarScenario(string Cin, DateOnly DateOfBirth, string PhysicianNpi)
{
    public const int LosAngeles = 19;
    public const string ProviderOrganization = "Sunrise Pediatric Specialists";

    public static Task<SarScenario> FindAsync(BrowserFixture browser) =>
        browser.App.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(OpenCcs.Testing.CcsApp.Now.UtcDateTime);
            var openChildIds = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Open).Select(c => c.ChildId).ToListAsync();
            var open = openChildIds.ToHashSet();
            var children = await db.Children.AsNoTracking().ToListAsync();
            // Not a child of a family sign-in (the demo family's), so the family's letters stay as seeded.
            var child = children
                .Where(c => open.Contains(c.Id) && c.Cin is not null && c.CountyOfResidence.Value == LosAngeles && c.Guardians.All(g => g.AccountId is null))
                .OrderBy(c => c.Cin!.Value.Value, StringComparer.Ordinal)
                .Last();
            var organization = await db.ProviderOrganizations.AsNoTracking().SingleAsync(o => o.Name == ProviderOrganization);
            var providers = await db.Providers.AsNoTracking().Where(p => p.OrganizationId == organization.Id).ToListAsync();
            var physician = providers
                .Where(p => p.Type == ProviderType.Physician && p.IsAuthorizedOn(today))
                .OrderBy(p => p.Npi.Value, StringComparer.Ordinal)
                .First();
            return new SarScenario(child.Cin!.Value.Value, child.DateOfBirth, physician.Npi.Value);
        });

    /// <summary>A small, well-formed one-page PDF written to a temporary file.</summary>
    public static string WriteClinicalNotePdf()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clinic-note-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, MinimalPdf());
        return path;
    }

    private static byte[] MinimalPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            Stream("BT /F1 12 Tf 72 720 Td (Clinic note for the CCS request) Tj ET"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(text.ToString()));
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(text.ToString());
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());

        static string Stream(string content) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}\nendstream");
    }

    /// <summary>
    /// Fills the eSAR form on the current page as a person would: by label, one office visit line, expedited with a
    /// reason, and the PDF attached. Leaves the pressing of the submit button to the caller.
    /// </summary>
    public async Task FillAsync(IPage page, string attachmentPath)
    {
        await page.GetByLabel(new Regex(@"^Form\b")).SelectOptionAsync(new SelectOptionValue { Label = "Established client (DHCS 4509)" });
        await page.GetByLabel("CIN or BIC ID").FillAsync(Cin);
        await page.GetByLabel("Date of birth").FillAsync(DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Requesting provider NPI").SelectOptionAsync(new SelectOptionValue { Value = PhysicianNpi });
        await page.GetByLabel("CCS diagnosis (ICD-10-CM)").FillAsync("Q21.0");

        var line = page.GetByRole(AriaRole.Group, new() { Name = "Line 1", Exact = true });
        await line.GetByLabel("Code system").SelectOptionAsync(new SelectOptionValue { Label = "CPT" });
        await line.GetByLabel("Code", new() { Exact = true }).FillAsync("99214");
        await line.GetByLabel("Description").FillAsync("Office visit, established patient");
        await line.GetByLabel("From").FillAsync("2026-12-01");
        await line.GetByLabel("To").FillAsync("2027-05-31");
        await line.GetByLabel("Units (inpatient days for a hospital stay)").FillAsync("4");
        await line.GetByLabel("Frequency").FillAsync("Monthly");

        await page.GetByText("Expedited review (within 72 hours)").CheckAsync();
        await page.GetByLabel("Reason for expedited review").FillAsync("Post-operative follow-up after cardiac surgery; delay risks the repair.");
        await page.Locator("input#attachments").SetInputFilesAsync(attachmentPath);
    }

    /// <summary>Signs in as the provider, submits the form and returns the SAR number from the details page heading.</summary>
    public static async Task<string> SubmitAsProviderAsync(BrowserFixture browser, SarScenario scenario)
    {
        var pdf = WriteClinicalNotePdf();
        try
        {
            await using var session = await browser.SignedInAsAsync(OpenCcs.Data.Identity.Roles.Provider);
            await session.GoAsync("/Authorizations/Submit");
            await scenario.FillAsync(session.Page, pdf);
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Submit the SAR" }).ClickAsync();
            await session.Page.GetByTestId("submitted").WaitForAsync();
            var heading = (await session.Heading.InnerTextAsync()).Trim();
            Assert.StartsWith("SAR ", heading);
            return heading["SAR ".Length..];
        }
        finally
        {
            File.Delete(pdf);
        }
    }
}
