using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Calendar;
using OpenCcs.Core.Common;
using OpenCcs.Core.Providers;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>The review form as posted: one action with the fields it needs.</summary>
public sealed class ReviewForm
{
    public string Action { get; set; } = "";

    public int Version { get; set; }

    public string? Reason { get; set; }

    public string? Rule { get; set; }

    public SarType? Type { get; set; }

    public string? ScgCode { get; set; }

    public NicuLevel? NicuLevel { get; set; }

    public DateOnly? ScgFrom { get; set; }

    public DateOnly? ScgTo { get; set; }

    public IscdQueue? Queue { get; set; }

    /// <summary>California time, as the reviewer enters it.</summary>
    public DateTime? InformationReceivedAt { get; set; }

    public List<LineForm> Lines { get; set; } = [];
}

public sealed class LineForm
{
    public int LineNumber { get; set; }

    public bool Authorized { get; set; }

    public int? Units { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

[Authorize(Roles = ReviewScope.Reviewers)]
public sealed class ReviewModel(ReviewSar review, DecideSar decide) : PageModel
{
    public SarReview Review { get; private set; } = null!;

    [BindProperty]
    public ReviewForm Form { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await review.HandleAsync(number, cancellationToken) is not { } found) return NotFound();
        Review = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken cancellationToken)
    {
        var request = new SarDecisionRequest
        {
            Action = Form.Action,
            Version = Form.Version,
            Reason = Form.Reason,
            Rule = Form.Rule,
            Type = Form.Type,
            ScgCode = string.IsNullOrWhiteSpace(Form.ScgCode) ? null : Form.ScgCode,
            ScgFrom = Form.ScgFrom,
            NicuLevel = Form.NicuLevel,
            ScgTo = Form.ScgTo,
            Queue = Form.Queue,
            InformationReceivedAt = Form.InformationReceivedAt is { } local
                ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), BusinessCalendar.Pacific)
                : null,
            Lines = Form.Action is ReviewActions.Approve or ReviewActions.Modify && Form.Lines.Count > 0
                ? Form.Lines.Select(l => new LineDecisionRequest(l.LineNumber, l.Authorized, l.Units, l.From, l.To)).ToList()
                : null,
        };
        try
        {
            var result = await decide.HandleAsync(number, request, cancellationToken);
            if (result.Outcome == DecisionOutcome.NotFound) return NotFound();
            if (result.Outcome == DecisionOutcome.Conflict)
                ModelState.AddModelError(string.Empty, "Someone else changed this SAR after you opened it, so your action was not saved. The page now shows what changed; decide again if you still need to.");
            else
            {
                Done = $"Saved: the SAR is now {Sar.Describe(result.Status!.Value)}.";
                return RedirectToPage(new { number });
            }
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(string.Empty, rule.Message);
        }
        if (await review.HandleAsync(number, cancellationToken) is not { } found) return NotFound();
        Review = found;
        return Page();
    }
}
