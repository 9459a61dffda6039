using Microsoft.AspNetCore.Mvc;
using OpenCcs.Core.Claims;

namespace OpenCcs.Web.Features.Claims;

/// <summary>One service line of the CMS-1500 (box 24), as typed.</summary>
public sealed class ClaimLineForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? ProcedureCode { get; set; }
    public string? Modifiers { get; set; }
    public string? Units { get; set; }
    public string? PlaceOfService { get; set; }
    public bool Emergency { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To) && string.IsNullOrWhiteSpace(ProcedureCode)
        && string.IsNullOrWhiteSpace(Modifiers) && string.IsNullOrWhiteSpace(Units) && string.IsNullOrWhiteSpace(PlaceOfService) && !Emergency;
}

/// <summary>
/// A provider checks a professional claim (CMS-1500) before sending it: the fields the rules read, a fixed number
/// of line rows and one more per "Add another line" (no script needed), and the answer for each line.
/// </summary>
public sealed class CheckModel(CheckClaims handler) : ClaimFormModel(handler)
{
    public const int InitialLines = 3;

    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? MemberId { get; set; }
    [BindProperty] public string? BillingNpi { get; set; }
    [BindProperty] public string? RenderingNpi { get; set; }
    [BindProperty] public string? ReferringName { get; set; }
    [BindProperty] public string? ReferringNpi { get; set; }
    [BindProperty] public string? PriorAuthorization { get; set; }
    [BindProperty] public bool Emergency { get; set; }
    [BindProperty] public bool Trauma { get; set; }
    [BindProperty] public List<ClaimLineForm> Lines { get; set; } = [];

    public int LineRows => Math.Clamp(Math.Max(Lines.Count, InitialLines), InitialLines, CheckClaims.MaxLines);

    public ClaimLineForm LineAt(int index) => index < Lines.Count ? Lines[index] : new ClaimLineForm();

    /// <summary>Blank rows are skipped, so the handler's <c>lines[k]</c> is the form row of the k-th line sent.</summary>
    private readonly List<int> _rows = [];

    protected override string FieldFor(string key)
    {
        if (!key.StartsWith("lines[", StringComparison.Ordinal)) return key;
        var close = key.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(key.AsSpan(6, close - 6), out var k) && k < _rows.Count ? $"lines[{_rows[k]}]{key[(close + 1)..]}" : key;
    }

    public void OnGet()
    {
    }

    /// <summary>Shows the form again with one more line row, keeping what was typed.</summary>
    public IActionResult OnPostAddLine()
    {
        ModelState.Clear();
        while (Lines.Count < LineRows) Lines.Add(new ClaimLineForm());
        if (Lines.Count < CheckClaims.MaxLines) Lines.Add(new ClaimLineForm());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var lines = new List<ClaimLineToCheck>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (line.IsBlank) continue;
            var at = $"lines[{i}]";
            var label = $"Line {i + 1}";
            _rows.Add(i);
            lines.Add(new ClaimLineToCheck
            {
                LineNumber = i + 1,
                From = ParseDate(line.From, $"{at}.from", $"{label}: enter the date of service as year-month-day."),
                To = ParseDate(line.To, $"{at}.to", $"{label}: enter the last date of service as year-month-day, or leave it empty for a single date."),
                ProcedureCode = Clean(line.ProcedureCode),
                Modifiers = (line.Modifiers ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(m => m.ToUpperInvariant()).ToList(),
                Units = ParseUnits(line.Units, $"{at}.units", $"{label}: enter the units as a number, for example 1."),
                PlaceOfService = Clean(line.PlaceOfService),
                Emergency = line.Emergency,
            });
        }
        await CheckAsync(new ClaimToCheck
        {
            Form = ClaimForm.Professional,
            Reference = string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim(),
            MemberId = Clean(MemberId),
            BillingNpi = Clean(BillingNpi),
            RenderingNpi = Clean(RenderingNpi),
            ReferringNpi = Clean(ReferringNpi),
            PriorAuthorization = Clean(PriorAuthorization),
            Emergency = Emergency,
            Trauma = Trauma,
            Lines = lines,
        }, cancellationToken);
        return Page();
    }
}
