using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Core.Claims;

namespace OpenCcs.Web.Features.Claims;

/// <summary>
/// What the two claim forms share: errors by field (USWDS error pattern, summarised at the top), the answer for
/// each line, and the form kept as typed so the provider can correct it and check again.
/// </summary>
[Authorize(Policy = ClaimCheckRegistration.CheckPolicy)]
public abstract class ClaimFormModel(CheckClaims handler) : PageModel
{
    public ClaimCheckResult? Result { get; private set; }

    public IReadOnlyList<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    public IReadOnlyList<(string Key, string Message)> AllErrors =>
        ModelState.SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();

    /// <summary>The element id of a field: <c>lines[1].from</c> → <c>lines-1-from</c>.</summary>
    public static string IdOf(string key) => key.Replace("[", "-", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace(".", "-", StringComparison.Ordinal);

    public string GroupClass(string key) => ErrorsFor(key).Count > 0 ? "usa-form-group usa-form-group--error" : "usa-form-group";

    public string InputError(string key) => ErrorsFor(key).Count > 0 ? " usa-input--error" : "";

    /// <summary>aria-describedby: the hint, if any, and the error message when there is one.</summary>
    public string? DescribedBy(string key, string? hint = null)
    {
        var ids = new[] { hint, ErrorsFor(key).Count > 0 ? IdOf(key) + "-error" : null }.Where(id => id is not null).ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The USWDS error message above a field, or nothing.</summary>
    public IHtmlContent ErrorMessage(string key)
    {
        var messages = ErrorsFor(key);
        if (messages.Count == 0) return HtmlString.Empty;
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<span class=\"usa-error-message\" id=\"{IdOf(key)}-error\">");
        html.Append(string.Join(" ", messages));
        html.AppendHtml("</span>");
        return html;
    }

    /// <summary>The form field an error of the handler belongs to; the same names unless a form words them its own way.</summary>
    protected virtual string FieldFor(string key) => key;

    /// <summary>Checks the claim if the form could be read, and shows the answer or the errors.</summary>
    protected async Task CheckAsync(ClaimToCheck claim, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Something typed could not be read: report it with every other problem of the form, and check nothing yet.
            foreach (var (key, messages) in CheckClaims.ShapeErrors(claim))
                if (ErrorsFor(FieldFor(key)).Count == 0)
                    foreach (var message in messages) ModelState.AddModelError(FieldFor(key), message);
            return;
        }
        switch (await handler.CheckAsync(claim, cancellationToken))
        {
            case ClaimCheckOutcome.Checked { Results: [var result] }:
                Result = result;
                break;
            case ClaimCheckOutcome.Invalid invalid:
                foreach (var (key, messages) in invalid.Errors)
                    foreach (var message in messages) ModelState.AddModelError(FieldFor(key), message);
                break;
            case ClaimCheckOutcome.Refused refused:
                ModelState.AddModelError(FieldFor(refused.Field), refused.Detail);
                break;
        }
    }

    /// <summary>A date typed in a date field (yyyy-MM-dd); an error on the field when it is not one.</summary>
    protected DateOnly? ParseDate(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        ModelState.AddModelError(field, message);
        return null;
    }

    /// <summary>Units or a quantity; 1 when left empty, an error on the field when it is not a number.</summary>
    protected decimal ParseUnits(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) return 1;
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var units)) return units;
        ModelState.AddModelError(field, message);
        return 1;
    }

    protected static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToUpperInvariant();
}
