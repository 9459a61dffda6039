using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Calendar;
using OpenCcs.Data;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Authorizations;

public sealed record WorklistQuery(SarStatus? Status = null, bool ExpeditedOnly = false, bool OverdueOnly = false, IscdQueue? Queue = null, int Page = 1, int PageSize = 25);

public sealed record WorklistItem(
    string Number, string ChildName, SarStatus Status, bool Expedited, DateTime ReceivedAt, DateTime DueAt, string TimeLeft, bool Overdue,
    bool ClockStopped, IscdQueue? Queue, string? StatusReason);

public sealed record Worklist(IReadOnlyList<WorklistItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The SARs waiting for this reviewer, the soonest due first, with the time each has left.</summary>
public sealed class BuildWorklist(CcsDbContext db, ChildAccess access, ReviewScope scope, ReviewTimeLimitTable limits, IscdRoutingTable routing, Auditor auditor, TimeProvider clock)
{
    public async Task<Worklist> HandleAsync(WorklistQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        // The review rules are read per SAR (county model on the day received), so the pending SARs in scope are
        // filtered here; a worklist holds the undecided requests of one county, not its history. What the database
        // can tell is asked of it first: a county or plan reviewer never holds a SAR forwarded to the State, and the
        // State's list (every county) holds only the forwarded SARs and those old enough to be escalated, so it does
        // not read the whole state's pending work.
        var candidates = access.Sars().AsNoTracking()
            .Where(s => s.Status == SarStatus.Submitted || s.Status == SarStatus.InReview || s.Status == SarStatus.PendedForInformation
                || s.Status == SarStatus.ForwardedToIscd || s.Status == SarStatus.Returned);
        if (scope.IsIscd)
        {
            // Escalation counts Pacific calendar days since receipt; a day less in UTC instants is a safe superset.
            var old = now.AddDays(-(routing.EscalateAfterDays - 1));
            candidates = candidates.Where(s => s.Status == SarStatus.ForwardedToIscd || s.ReceivedAt < old);
        }
        else
        {
            candidates = candidates.Where(s => s.Status != SarStatus.ForwardedToIscd);
        }
        var pending = await candidates.ToListAsync(cancellationToken);
        var rows = pending
            .Where(s => scope.Lists(s, now))
            .Select(s => (Sar: s, Clock: s.Clock(limits, BusinessCalendar.California), Queue: QueueOf(s, now)))
            .Where(r => query.Status is not { } status || r.Sar.Status == status)
            .Where(r => !query.ExpeditedOnly || r.Sar.Expedited)
            .Where(r => !query.OverdueOnly || r.Clock.IsOverdue(now))
            .Where(r => query.Queue is not { } queue || r.Queue == queue)
            .OrderBy(r => r.Clock.DueAt).ThenBy(r => r.Sar.Number.Value, StringComparer.Ordinal)
            .ToList();
        var shown = rows.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var childIds = shown.Select(r => r.Sar.ChildId).Distinct().ToList();
        var names = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name.First, c.Name.Last }).ToDictionaryAsync(c => c.Id, c => $"{c.First} {c.Last}", cancellationToken);
        await auditor.SearchAsync("Sar", cancellationToken);
        var items = shown.Select(r => new WorklistItem(
            r.Sar.Number.Value, names.GetValueOrDefault(r.Sar.ChildId, ""), r.Sar.Status, r.Sar.Expedited, r.Sar.ReceivedAt, r.Clock.DueAt,
            TimeLeftText(r.Clock.TimeLeft(now)), r.Clock.IsOverdue(now), !r.Clock.IsRunning || r.Sar.Status == SarStatus.PendedForInformation,
            r.Queue, r.Sar.StatusReason)).ToList();
        return new Worklist(items, rows.Count, page, pageSize);
    }

    /// <summary>The ISCD queue the SAR sits in: where it was forwarded, or Directed Review once pending too long.</summary>
    private IscdQueue? QueueOf(Sar sar, DateTime now) =>
        sar.Status == SarStatus.ForwardedToIscd ? sar.IscdQueue
        : routing.IsEscalated(sar, now) ? IscdQueue.DirectedReview
        : null;

    /// <summary>"2 business days left" style text: whole days when a day or more is left, hours below that.</summary>
    public static string TimeLeftText(TimeSpan left)
    {
        var overdue = left < TimeSpan.Zero;
        var span = overdue ? left.Negate() : left;
        var text = span.TotalHours >= 24
            ? Plural((int)Math.Floor(span.TotalDays), "day")
            : span.TotalMinutes >= 60 ? Plural((int)Math.Floor(span.TotalHours), "hour") : Plural(Math.Max(1, (int)Math.Ceiling(span.TotalMinutes)), "minute");
        return overdue ? $"Overdue by {text}" : $"{text} left";
    }

    private static string Plural(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
}
