using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Calendar;
using OpenCcs.Core.Common;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Referrals;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;
using OpenCcs.Web.Features.Authorizations;
using OpenCcs.Web.Features.Children;

namespace OpenCcs.Web.Features.Emergencies;

/// <summary>
/// An emergency admission at a hospital that is not CCS-approved, as the hospital or the county office reports it.
/// <see cref="AdmittedAt"/> is a California date and time (<c>2026-12-03T22:15</c>, as a browser's date-time field
/// sends it) or an ISO 8601 time with its offset.
/// </summary>
public sealed record EmergencyReport(
    string? ClientId = null, string? DateOfBirth = null, string? HospitalName = null, string? AdmittedAt = null, string? Condition = null,
    bool DocumentationReceived = false);

/// <summary>Where an emergency admission stands: when the referral was due, whether the proof came, and the transfer.</summary>
public sealed record EmergencyAdmissionView(
    Guid Id, Guid ChildId, string ChildName, string HospitalName, DateTime AdmittedAt, DateTime ReportedAt, DateTime DueAt, bool ReferredLate,
    DateTime? DocumentationReceivedAt, bool DocumentationOverdue, string? TransferredTo, DateTime? TransferredAt, int Version)
{
    public bool AwaitingTransfer => TransferredAt is null;
}

public sealed record EmergencyListQuery(bool IncludeTransferred = false);

public sealed record EmergencyAdmissionList(IReadOnlyList<EmergencyAdmissionView> Items, int Total);

/// <summary>A step recorded on an admission: the documents arrived, or the child moved to a CCS-approved hospital (by NPI).</summary>
public sealed record EmergencyUpdate(int Version, string? At = null, string? HospitalNpi = null);

public abstract record EmergencyOutcome
{
    public sealed record Saved(EmergencyAdmissionView Admission) : EmergencyOutcome;

    /// <summary>Every problem, keyed by field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : EmergencyOutcome;

    public sealed record NotFound : EmergencyOutcome;

    /// <summary>Someone else recorded a step first; the current version is given to read again.</summary>
    public sealed record Conflict(int Version) : EmergencyOutcome;
}

/// <summary>
/// Emergency admissions (reference/002, DOMAIN.md §5): reported as a referral due the next business day with the
/// documents proving the emergency, and tracked by the child's county office until the child is transferred to a
/// CCS-approved hospital. A report for a child without an open case also reaches county intake as a referral.
/// </summary>
public sealed class EmergencyAdmissions(CcsDbContext db, CurrentUser user, Auditor auditor, TimeProvider clock, ChildByCard children)
{
    /// <summary>Who reports: the hospital's staff (providers) and the county office taking the call.</summary>
    public static readonly string[] Reporters = [Data.Identity.Roles.Provider, Data.Identity.Roles.CountyIntake, Data.Identity.Roles.NurseCaseManager];

    private static BusinessCalendar Calendar => BusinessCalendar.California;

    public async Task<EmergencyOutcome> ReportAsync(EmergencyReport input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        var child = await children.FindAsync(input.ClientId, input.DateOfBirth, errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.HospitalName)) errors.Add("hospitalName", "Name the hospital the child was admitted to.");
        else if (input.HospitalName.Trim().Length > 200) errors.Add("hospitalName", "Shorten the hospital's name to 200 characters.");
        var admittedAt = ParseTime(input.AdmittedAt, "admittedAt", "admission", now, errors);
        if (string.IsNullOrWhiteSpace(input.Condition)) errors.Add("condition", "Describe the emergency and the condition CCS should look at.");
        if (errors.Any || child is null || admittedAt is null) return new EmergencyOutcome.Invalid(errors.ToDictionary());

        var admission = EmergencyAdmission.Report(child.Id, child.County, input.HospitalName!, admittedAt.Value, now, input.DocumentationReceived);
        db.EmergencyAdmissions.Add(admission);
        if (!child.HasOpenCase)
            db.Referrals.Add(Referral.Receive(child.Id, child.County, ReferrerKind.Hospital, admission.HospitalName, null,
                $"Emergency admission at {admission.HospitalName}: {input.Condition!.Trim()}", null, now));
        auditor.Record(AuditAction.Create, "EmergencyAdmission", admission.Id.ToString(), child.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new EmergencyOutcome.Saved(await ViewAsync(admission.Id, cancellationToken));
    }

    /// <summary>The county office's admissions, those awaiting transfer first and soonest due first.</summary>
    public async Task<IReadOnlyList<EmergencyAdmissionView>> ListAsync(EmergencyListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (user.County is not { } county) return [];
        var admissions = db.EmergencyAdmissions.AsNoTracking().Where(a => a.County == county);
        if (!query.IncludeTransferred) admissions = admissions.Where(a => a.TransferredAt == null);
        var rows = await Project(admissions).ToListAsync(cancellationToken);
        await auditor.SearchAsync("EmergencyAdmission", cancellationToken);
        return rows.Select(View).OrderBy(v => !v.AwaitingTransfer).ThenBy(v => v.DocumentationReceivedAt is not null).ThenBy(v => v.DueAt).ToList();
    }

    /// <summary>One admission of the user's county; another county's is not found, and the attempt audited.</summary>
    public async Task<EmergencyAdmissionView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } admission) return null;
        await auditor.ReadAsync("EmergencyAdmission", id.ToString(), admission.ChildId, cancellationToken);
        return await ViewAsync(id, cancellationToken);
    }

    public Task<EmergencyOutcome> ReceiveDocumentationAsync(Guid id, EmergencyUpdate update, CancellationToken cancellationToken) =>
        UpdateAsync(id, update, async (admission, errors, now) =>
        {
            var at = ParseTime(update.At, "at", "documents' arrival", now, errors, optional: true) ?? now;
            if (!errors.Any) admission.ReceiveDocumentation(at);
            await Task.CompletedTask;
        }, cancellationToken);

    public Task<EmergencyOutcome> RecordTransferAsync(Guid id, EmergencyUpdate update, CancellationToken cancellationToken) =>
        UpdateAsync(id, update, async (admission, errors, now) =>
        {
            var at = ParseTime(update.At, "at", "transfer", now, errors, optional: true) ?? now;
            Core.Providers.Provider? hospital = null;
            if (string.IsNullOrWhiteSpace(update.HospitalNpi)) errors.Add("hospitalNpi", "Enter the NPI of the CCS-approved hospital the child moved to.");
            else if (!Npi.TryParse(update.HospitalNpi, out var npi)) errors.Add("hospitalNpi", $"{update.HospitalNpi.Trim()} is not an NPI: 10 digits with a valid check digit.");
            else if ((hospital = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Npi == npi, cancellationToken)) is null)
                errors.Add("hospitalNpi", $"No provider with NPI {npi.Value} is known to CCS.");
            if (!errors.Any) admission.RecordTransfer(hospital!, at);
        }, cancellationToken);

    private async Task<EmergencyOutcome> UpdateAsync(
        Guid id, EmergencyUpdate update, Func<EmergencyAdmission, FieldErrors, DateTime, Task> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await FindAsync(id, cancellationToken, tracked: true) is not { } admission) return new EmergencyOutcome.NotFound();
        if (admission.Version != update.Version) return new EmergencyOutcome.Conflict(admission.Version);
        var errors = new FieldErrors();
        try
        {
            await apply(admission, errors, now);
        }
        catch (DomainRuleException rule)
        {
            errors.Add(rule.Rule == "emergency.transfer-needs-ccs-approved-hospital" ? "hospitalNpi" : "at", rule.Message);
        }
        if (errors.Any) return new EmergencyOutcome.Invalid(errors.ToDictionary());
        auditor.Record(AuditAction.Update, "EmergencyAdmission", admission.Id.ToString(), admission.ChildId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EmergencyOutcome.Conflict(update.Version + 1);
        }
        return new EmergencyOutcome.Saved(await ViewAsync(id, cancellationToken));
    }

    private async Task<EmergencyAdmission?> FindAsync(Guid id, CancellationToken cancellationToken, bool tracked = false)
    {
        var all = tracked ? db.EmergencyAdmissions : db.EmergencyAdmissions.AsNoTracking();
        var admission = await all.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (admission is null) return null;
        if (user.County == admission.County) return admission;
        await auditor.DeniedAsync("EmergencyAdmission", id.ToString(), admission.ChildId, cancellationToken);
        return null;
    }

    private async Task<EmergencyAdmissionView> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        View(await Project(db.EmergencyAdmissions.AsNoTracking().Where(a => a.Id == id)).SingleAsync(cancellationToken));

    private sealed record Row(EmergencyAdmission Admission, string First, string Last, string? Hospital);

    private IQueryable<Row> Project(IQueryable<EmergencyAdmission> admissions) =>
        from a in admissions
        join c in db.Children on a.ChildId equals c.Id
        select new Row(a, c.Name.First, c.Name.Last, db.Providers.Where(p => p.Id == a.TransferredToHospitalId).Select(p => p.Name).FirstOrDefault());

    private EmergencyAdmissionView View(Row row)
    {
        var a = row.Admission;
        return new EmergencyAdmissionView(
            a.Id, a.ChildId, $"{row.First} {row.Last}", a.HospitalName, a.AdmittedAt, a.ReportedAt, a.DueAt(Calendar), a.ReferredLate(Calendar),
            a.DocumentationReceivedAt, a.IsOverdue(clock.GetUtcNow().UtcDateTime, Calendar), row.Hospital, a.TransferredAt, a.Version);
    }

    /// <summary>A California date and time as a form sends it, or an ISO 8601 time with offset; never in the future.</summary>
    private static DateTime? ParseTime(string? text, string field, string what, DateTime now, FieldErrors errors, bool optional = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (!optional) errors.Add(field, $"Enter the date and time of the {what}.");
            return null;
        }
        DateTime utc;
        var value = text.Trim();
        if (DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), BusinessCalendar.Pacific);
        else if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(value))
            utc = withOffset.UtcDateTime;
        else
        {
            errors.Add(field, $"Enter the date and time of the {what} as year-month-day and hour:minute, for example 2026-12-03T22:15 (California time).");
            return null;
        }
        if (utc > now) { errors.Add(field, $"The date and time of the {what} cannot be in the future."); return null; }
        return utc;
    }

    private static bool HasOffset(string value) => value.EndsWith('Z') || value.EndsWith('z') || value.LastIndexOfAny(['+', '-']) > value.IndexOf('T', StringComparison.Ordinal) && value.Contains('T', StringComparison.Ordinal);
}
