using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Core.Referrals;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Documents;
using OpenCcs.Data.Identity;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>One requested service as typed by the sender; text throughout so that every mistake becomes a field error.</summary>
public sealed record SarLineInput(
    string? CodeSystem = null, string? Code = null, string? Description = null, string? From = null, string? To = null,
    int? Units = null, string? Frequency = null);

/// <summary>A file sent with the request. <see cref="Content"/> is null when the file was too large to read.</summary>
public sealed record SarFileInput(string FileName, string ContentType, long SizeBytes, byte[]? Content);

/// <summary>
/// A SAR as a provider (portal or API) or county intake (fax or paper) sends it. <see cref="ReceivedAt"/> is
/// for county staff entering a paper SAR: the review clock starts when the county received it.
/// </summary>
public sealed record SarSubmission(
    string? FormType = null, string? ClientId = null, string? DateOfBirth = null, string? RequestingProviderNpi = null,
    string? DiagnosisCode = null, string? FacilityNpi = null, IReadOnlyList<SarLineInput>? Lines = null,
    bool Expedited = false, string? ExpeditedReason = null, IReadOnlyList<string>? Flags = null, DateTime? ReceivedAt = null,
    string? ExtendsSarNumber = null);

/// <summary>What the sender learns at once: the number, where the request stands and who reviews it.</summary>
public sealed record SarReceipt(string Number, SarStatus Status, bool AwaitingEligibility, string Reviewer, string? Explanation, DateTime ReceivedAt);

public abstract record SubmitSarOutcome
{
    public sealed record Accepted(SarReceipt Receipt, bool Replayed) : SubmitSarOutcome;

    /// <summary>Every problem, keyed by field (<c>lines[1].to</c>, <c>attachments[0]</c>).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SubmitSarOutcome;

    /// <summary>The requesting provider may not submit on the request date; the message says how to get paneled.</summary>
    public sealed record NotPaneled(string Explanation) : SubmitSarOutcome;

    /// <summary>The Idempotency-Key was used before for a different request.</summary>
    public sealed record KeyReused(string Detail) : SubmitSarOutcome;
}

/// <summary>
/// Submits a SAR (DOMAIN.md §5, §6): <see cref="SarSubmissionValidator"/> checks every field; then this records
/// outpatient pharmacy requests as redirected to Medi-Cal Rx, opens a referral for county intake when the child has no
/// open case, takes the county's next SAR number and stores the SAR, its attachments, its audit event and the
/// idempotency record in one transaction (shared with the submissions waiting beside it: <see cref="SarSubmissionBatcher"/>).
/// </summary>
public sealed class SubmitSar(
    CcsDbContext db, CurrentUser user, Auditor auditor, TimeProvider clock, CountyDirectory counties,
    SarSubmissionValidator validator, SarIdempotency idempotency, MediCalRxRedirect pharmacy, ServiceCodeGroupTable codes,
    SarSubmissionBatcher batcher)
{
    public const string ClientNotFound = Children.ChildByCard.NotFound;

    public static bool MayEnterPaperSars(string role) => role is Roles.CountyIntake or Roles.NurseCaseManager;

    public async Task<SubmitSarOutcome> HandleAsync(SarSubmission input, IReadOnlyList<SarFileInput> files, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(files);
        var (key, hash, badKey) = SarIdempotency.Read(idempotencyKey, input, files);
        if (badKey is not null) return badKey;
        if (key is not null && await idempotency.ReplayAsync(key, hash, Receipt, cancellationToken) is { } earlier) return earlier;

        var now = clock.GetUtcNow().UtcDateTime;
        var (valid, refused) = await validator.CheckAsync(input, files, now, cancellationToken);
        if (valid is null) return refused!;
        try
        {
            return await StoreAsync(valid, input, key, hash, now, cancellationToken);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // A concurrent retry with the same Idempotency-Key committed first: answer as it did. Any other failure is not retried.
            db.ChangeTracker.Clear();
            if (await idempotency.ReplayAsync(key, hash, Receipt, cancellationToken) is { } winner) return winner;
            throw;
        }
    }

    /// <summary>Who reviews the SAR, in words for the provider (the county office, or the Whole Child Model plan).</summary>
    public static string DescribeReviewer(CountyDirectory counties, Sar sar)
    {
        ArgumentNullException.ThrowIfNull(counties);
        ArgumentNullException.ThrowIfNull(sar);
        var county = counties.Get(sar.County);
        // Coverage is not recorded yet, so a Whole Child Model child is taken to be the plan's member (as the review side does).
        var reviewer = ReviewerRouting.ReviewerFor(county, sar, ccsOnly: false);
        return reviewer.Kind == ReviewerKind.Plan ? $"{reviewer.PlanName} (Whole Child Model plan)" : $"{county.Name} County CCS office";
    }

    /// <summary>What the sender is told about a SAR; the same for the first answer and every replay.</summary>
    public SarReceipt Receipt(Sar sar)
    {
        var who = DescribeReviewer(counties, sar);
        var explanation = sar.Status == SarStatus.Redirected
            ? sar.StatusReason
            : sar.AwaitingEligibility ? "The child has no open CCS case: the request is accepted and waits for the county's eligibility decision." : null;
        return new SarReceipt(sar.Number.Value, sar.Status, sar.AwaitingEligibility, who, explanation, sar.ReceivedAt);
    }

    /// <summary>
    /// Hands the checked submission to <see cref="SarSubmissionBatcher"/>, which numbers it and stores the SAR, its
    /// attachments, the referral, the idempotency record and its audit event in one transaction (with the submissions
    /// waiting beside it). The county's counter row stays locked from taking the numbers to the commit, so numbers are
    /// distinct, and a submission that is refused or fails gives its number back. The writer runs outside this request,
    /// so the user is read here.
    /// </summary>
    private async Task<SubmitSarOutcome> StoreAsync(ValidSarSubmission valid, SarSubmission input, string? key, string hash, DateTime now, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        var audit = auditor.RecordLater(AuditAction.Create, "Sar", valid.ChildId);
        var draft = new SarDraft(valid.County, number => Build(valid, input, number, userId), (batchDb, sar) =>
        {
            batchDb.Sars.Add(sar);
            foreach (var file in valid.Attachments)
                batchDb.SarDocuments.Add(new SarDocument
                {
                    SarId = sar.Id, FileName = file.Accepted.FileName, ContentType = file.Accepted.ContentType, SizeBytes = file.Accepted.SizeBytes,
                    Content = file.Content, UploadedAt = now, UploadedBy = userId,
                });
            if (!valid.HasOpenCase && sar.Status != SarStatus.Redirected)
                batchDb.Referrals.Add(Referral.Receive(valid.ChildId, valid.County, valid.Provider.IsFacility ? ReferrerKind.Hospital : ReferrerKind.Physician,
                    valid.Provider.Name, valid.Provider.Id, $"SAR {sar.Number.Value}: {sar.Lines[0].Description}", sar.DiagnosisCode, valid.ReceivedAt));
            if (key is not null) SarIdempotency.Remember(batchDb, userId, key, hash, sar.Number, now);
            batchDb.AuditEvents.Add(audit(sar.Id.ToString()));
        });
        try
        {
            return new SubmitSarOutcome.Accepted(Receipt(await batcher.StoreAsync(draft, cancellationToken)), Replayed: false);
        }
        catch (DomainRuleException rule)
        {
            var field = rule.Rule.StartsWith("sar.pharmacy", StringComparison.Ordinal) ? "lines"
                : rule.Rule.StartsWith("sar.extension", StringComparison.Ordinal) ? "extendsSarNumber"
                : "formType";
            return new SubmitSarOutcome.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [rule.Message] });
        }
    }

    private Sar Build(ValidSarSubmission valid, SarSubmission input, SarNumber number, string userId)
    {
        var sar = Sar.Submit(number, valid.ChildId, valid.Provider.Id, valid.Facility?.Id, valid.FormType, input.DiagnosisCode!, input.Expedited,
            input.ExpeditedReason, valid.Lines, userId, valid.ReceivedAt, valid.Flags, valid.HasOpenCase, valid.Extends);
        if (pharmacy.Applies(sar, codes))
            sar.Redirect(userId, pharmacy.ExplanationFor(counties.Get(valid.County).ModelOn(DateOnly.FromDateTime(valid.ReceivedAt)).CareModel), valid.ReceivedAt);
        return sar;
    }
}
