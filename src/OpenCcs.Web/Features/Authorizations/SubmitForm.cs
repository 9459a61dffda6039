using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Core.Authorizations;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>
/// The SAR form, for a provider (Submit) and for county staff entering a fax or paper SAR (Enter): a fixed
/// number of line rows, one more per "Add another line", every error next to its field and summarised at the top.
/// </summary>
[RequestSizeLimit(MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFormBytes)]
public abstract class SubmitFormModel(SubmitSar handler) : PageModel
{
    public const int InitialLines = 3;
    public const int MaxLines = 20;

    /// <summary>150 MB of attachments with room for the fields.</summary>
    public const long MaxFormBytes = 160L * 1024 * 1024;

    /// <summary>Files above this are refused without reading them (the attachment rules say why).</summary>
    private const long ReadLimit = 16 * 1024 * 1024;

    [BindProperty] public string? FormType { get; set; }
    [BindProperty] public string? ClientId { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }
    [BindProperty] public string? RequestingProviderNpi { get; set; }
    [BindProperty] public string? DiagnosisCode { get; set; }
    [BindProperty] public string? FacilityNpi { get; set; }
    [BindProperty] public bool Expedited { get; set; }
    [BindProperty] public string? ExpeditedReason { get; set; }
    [BindProperty] public DateTime? ReceivedAt { get; set; }
    [BindProperty] public string? ExtendsSarNumber { get; set; }
    [BindProperty] public List<string> Flags { get; set; } = [];
    [BindProperty] public List<SarLineInput> Lines { get; set; } = [];
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    /// <summary>Whether this form is county staff entering a SAR received by fax or mail.</summary>
    public abstract bool PaperEntry { get; }

    public int LineRows => Math.Clamp(Math.Max(Lines.Count, InitialLines), InitialLines, MaxLines);

    /// <summary>Errors for a field, as the handler keyed them.</summary>
    public IReadOnlyList<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>Every error for keys starting with <paramref name="prefix"/> (the attachments).</summary>
    public IReadOnlyList<string> ErrorsStartingWith(string prefix) =>
        ModelState.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).ToList();

    public IReadOnlyList<(string Key, string Message)> AllErrors =>
        ModelState.SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();

    public SarLineInput LineAt(int index) => index < Lines.Count ? Lines[index] : new SarLineInput();

    /// <summary>The providers the sender may name as requesting provider, when the form offers a list; empty means type the NPI.</summary>
    public IReadOnlyList<ProviderChoice> ProviderChoices { get; private set; } = [];

    /// <summary>Who may be chosen as requesting provider; by default nobody is listed and the NPI is typed.</summary>
    protected virtual Task<IReadOnlyList<ProviderChoice>> ProviderChoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProviderChoice>>([]);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FormType ??= nameof(SarFormType.EstablishedClient);
        ProviderChoices = await ProviderChoicesAsync(cancellationToken);
        if (ProviderChoices.Count == 1) RequestingProviderNpi ??= ProviderChoices[0].Npi;
    }

    /// <summary>Re-shows the form with one more line row, keeping what was typed; files must be chosen again.</summary>
    public async Task<IActionResult> OnPostAddLineAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        while (Lines.Count < LineRows) Lines.Add(new SarLineInput());
        if (Lines.Count < MaxLines) Lines.Add(new SarLineInput());
        ProviderChoices = await ProviderChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the handler checks everything and keys its own messages
        var files = new List<SarFileInput>();
        foreach (var file in Attachments)
        {
            byte[]? content = null;
            if (file.Length <= ReadLimit)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                content = buffer.ToArray();
            }
            files.Add(new SarFileInput(file.FileName, file.ContentType, file.Length, content));
        }
        var input = new SarSubmission(FormType, ClientId, DateOfBirth, RequestingProviderNpi, DiagnosisCode, FacilityNpi, Lines, Expedited, ExpeditedReason,
            Flags, PaperEntry ? ReceivedAt : null, string.IsNullOrWhiteSpace(ExtendsSarNumber) ? null : ExtendsSarNumber);
        switch (await handler.HandleAsync(input, files, null, cancellationToken))
        {
            case SubmitSarOutcome.Accepted { Receipt: var receipt }:
                TempData["Success"] = $"SAR {receipt.Number} was received. Status: {Sar.Describe(receipt.Status)}. Reviewer: {receipt.Reviewer}." +
                    (receipt.Explanation is { } why ? " " + why : "");
                return RedirectToPage("/Authorizations/Details", new { number = receipt.Number });
            case SubmitSarOutcome.Invalid invalid:
                foreach (var (key, messages) in invalid.Errors)
                    foreach (var message in messages) ModelState.AddModelError(key, message);
                break;
            case SubmitSarOutcome.NotPaneled refused:
                ModelState.AddModelError("requestingProviderNpi", refused.Explanation);
                break;
        }
        ProviderChoices = await ProviderChoicesAsync(cancellationToken);
        return Page();
    }
}

/// <summary>A provider the sender may name on the SAR: their NPI and name as the form lists them.</summary>
public sealed record ProviderChoice(string Npi, string Name);
