using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Referrals;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Identity;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Dashboard;

public sealed record DashboardTile(string Label, int Value, string Href);

public sealed record DashboardItem(string Title, string Detail, string Href);

public sealed record DashboardView(string Heading, string Intro, IReadOnlyList<DashboardTile> Tiles, string ListHeading, IReadOnlyList<DashboardItem> Items);

/// <summary>Each role's landing page: the counts that matter to its work and the next items to act on.</summary>
public sealed class BuildDashboard(CcsDbContext db, ChildAccess access, CurrentUser user, CountyDirectory counties, Auditor auditor, TimeProvider clock)
{
    private static readonly SarStatus[] AwaitingReview = [SarStatus.Submitted, SarStatus.InReview, SarStatus.Returned];

    public async Task<DashboardView> HandleAsync(CancellationToken ct)
    {
        var view = user.Role switch
        {
            Roles.Family => await FamilyAsync(ct),
            Roles.Provider => await ProviderAsync(ct),
            Roles.CountyIntake => await IntakeAsync(ct),
            Roles.EligibilityWorker => await EligibilityAsync(ct),
            Roles.NurseCaseManager or Roles.PlanReviewer or Roles.IscdReviewer => await ReviewerAsync(ct),
            Roles.Administrator => await AdministratorAsync(ct),
            _ => new DashboardView("Welcome", "Your account has no role yet. Ask your administrator to assign one.", [], "", []),
        };
        if (user.Role != Roles.Administrator) await auditor.SearchAsync("Dashboard", ct);
        return view;
    }

    private string CountyName => user.County is { } c ? counties.Get(c).Name : "your county";

    private async Task<DashboardView> FamilyAsync(CancellationToken ct)
    {
        var children = await access.Children().OrderBy(c => c.Name.First)
            .Select(c => new { c.Id, c.Name.First, c.Name.Last, c.DateOfBirth }).ToListAsync(ct);
        var open = await access.Sars().CountAsync(s => AwaitingReview.Contains(s.Status) || s.Status == SarStatus.PendedForInformation, ct);
        var approved = await access.Sars().CountAsync(s => s.Status == SarStatus.Approved, ct);
        return new DashboardView("Your family's CCS", "See each child's case, the services CCS is reviewing or has approved, and the notices we send you.",
            [new("Children", children.Count, "/Children"), new("Requests being reviewed", open, "/Authorizations?status=InReview"), new("Approved services", approved, "/Authorizations?status=Approved")],
            "Your children",
            children.Select(c => new DashboardItem($"{c.First} {c.Last}", $"Born {Display.Date(c.DateOfBirth)}", $"/Children/{c.Id}")).ToList());
    }

    private async Task<DashboardView> ProviderAsync(CancellationToken ct)
    {
        var sars = access.Sars();
        var submitted = await sars.CountAsync(s => AwaitingReview.Contains(s.Status), ct);
        var pended = await sars.CountAsync(s => s.Status == SarStatus.PendedForInformation, ct);
        var approved = await sars.CountAsync(s => s.Status == SarStatus.Approved, ct);
        var denied = await sars.CountAsync(s => s.Status == SarStatus.Denied, ct);
        // EF Core cannot track the owned History without its SAR, so this projection reads without tracking.
        var needInfo = await sars.AsNoTracking().Where(s => s.Status == SarStatus.PendedForInformation).OrderBy(s => s.ReceivedAt).Take(10)
            .Select(s => new { s.Number, s.ReceivedAt, s.History }).ToListAsync(ct);
        return new DashboardView("Your organisation's authorizations", "Track your Service Authorization Requests and answer the county's questions.",
            [new("Awaiting review", submitted, "/Authorizations?status=InReview"), new("Need information from you", pended, "/Authorizations?status=PendedForInformation"),
             new("Approved", approved, "/Authorizations?status=Approved"), new("Denied", denied, "/Authorizations?status=Denied")],
            "Requests waiting for information from you",
            needInfo.Select(s => new DashboardItem($"SAR {s.Number}", s.History.LastOrDefault()?.Reason ?? "More information needed", $"/Authorizations/{s.Number}")).ToList());
    }

    private async Task<DashboardView> IntakeAsync(CancellationToken ct)
    {
        var referrals = access.Referrals();
        var waiting = await referrals.CountAsync(r => r.Status == ReferralStatus.Received, ct);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var recent = await referrals.CountAsync(r => r.ReceivedAt >= since, ct);
        var oldest = await referrals.Where(r => r.Status == ReferralStatus.Received).OrderBy(r => r.ReceivedAt).Take(10)
            .Join(db.Children, r => r.ChildId, c => c.Id, (r, c) => new { r.ChildId, c.Name.First, c.Name.Last, r.ReceivedAt, r.SuspectedCondition }).ToListAsync(ct);
        return new DashboardView($"Intake — {CountyName}", "New referrals to screen and open as applications.",
            [new("Referrals awaiting intake", waiting, "/Children"), new("Referrals in the last 30 days", recent, "/Children")],
            "Oldest referrals awaiting intake",
            oldest.Select(r => new DashboardItem($"{r.First} {r.Last}", $"Received {Display.Date(r.ReceivedAt)}: {r.SuspectedCondition}", $"/Children/{r.ChildId}")).ToList());
    }

    private async Task<DashboardView> EligibilityAsync(CancellationToken ct)
    {
        var open = await access.Cases().CountAsync(c => c.Status == CaseStatus.Open, ct);
        var mtp = await access.Cases().CountAsync(c => c.Status == CaseStatus.Open && c.Program == CaseProgram.MedicalTherapyProgram, ct);
        var waiting = await access.Referrals().CountAsync(r => r.Status == ReferralStatus.Received, ct);
        var recent = await access.Cases().Where(c => c.Status == CaseStatus.Open).OrderByDescending(c => c.OpenedOn).Take(10)
            .Join(db.Children, k => k.ChildId, c => c.Id, (k, c) => new { k.ChildId, c.Name.First, c.Name.Last, k.OpenedOn, k.Program }).ToListAsync(ct);
        return new DashboardView($"Eligibility — {CountyName}", "Residential and financial eligibility for referrals and yearly re-determinations.",
            [new("Referrals awaiting a decision", waiting, "/Children"), new("Open cases", open, "/Children"), new("Medical Therapy Program cases", mtp, "/Children")],
            "Most recently opened cases",
            recent.Select(c => new DashboardItem($"{c.First} {c.Last}", $"{c.Program} case opened {Display.Date(c.OpenedOn)}", $"/Children/{c.ChildId}")).ToList());
    }

    private async Task<DashboardView> ReviewerAsync(CancellationToken ct)
    {
        var sars = access.Sars();
        var waiting = await sars.CountAsync(s => AwaitingReview.Contains(s.Status), ct);
        var expedited = await sars.CountAsync(s => AwaitingReview.Contains(s.Status) && s.Expedited, ct);
        var pended = await sars.CountAsync(s => s.Status == SarStatus.PendedForInformation, ct);
        var oldest = await sars.Where(s => AwaitingReview.Contains(s.Status)).OrderByDescending(s => s.Expedited).ThenBy(s => s.ReceivedAt).Take(10)
            .Select(s => new { s.Number, s.ReceivedAt, s.Expedited }).ToListAsync(ct);
        var (heading, intro) = user.Role switch
        {
            Roles.IscdReviewer => ("State review (ISCD)", "Requests routed to the state for physician, expedited or directed review."),
            Roles.PlanReviewer => ($"Plan review — {CountyName}", "Authorizations for plan members in this Whole Child Model county."),
            _ => ($"Authorization review — {CountyName}", "Requests to review, oldest and expedited first."),
        };
        return new DashboardView(heading, intro,
            [new("Awaiting review", waiting, "/Authorizations?status=Submitted"), new("Expedited", expedited, "/Authorizations?status=Submitted"),
             new("Pended for information", pended, "/Authorizations?status=PendedForInformation")],
            "Next to review",
            oldest.Select(s => new DashboardItem($"SAR {s.Number}{(s.Expedited ? " (expedited)" : "")}", $"Received {Display.DateTime(s.ReceivedAt)}", $"/Authorizations/{s.Number}")).ToList());
    }

    private async Task<DashboardView> AdministratorAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var users = await db.Users.CountAsync(ct);
        var events = await db.AuditEvents.CountAsync(a => a.At >= since, ct);
        var denied = await db.AuditEvents.CountAsync(a => a.At >= since && a.Outcome == AuditOutcome.Denied, ct);
        var recentDenied = await db.AuditEvents.Where(a => a.Outcome == AuditOutcome.Denied).OrderByDescending(a => a.At).Take(10).ToListAsync(ct);
        return new DashboardView("Administration", "Accounts, access and the audit trail of every look at a child's records.",
            [new("Accounts", users, "/Admin/Audit"), new("Audit events, last 24 hours", events, "/Admin/Audit"), new("Refused attempts, last 24 hours", denied, "/Admin/Audit?outcome=Denied")],
            "Latest refused attempts",
            recentDenied.Select(a => new DashboardItem($"{a.UserName} ({a.Role})", $"{a.Action} {a.RecordType} at {Display.DateTime(a.At)}", "/Admin/Audit?outcome=Denied")).ToList());
    }
}
