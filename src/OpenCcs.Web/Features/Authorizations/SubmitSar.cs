using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
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
    bool Expedited = false, string? ExpeditedReason = null, IReadOnlyList<string>? Flags = null, DateTime? ReceivedAt = null);

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
/// Submits a SAR (DOMAIN.md §5, §6): checks every field, finds the child by CIN or BIC ID and date of birth,
/// refuses providers not paneled on the request date, records outpatient pharmacy requests as redirected to
/// Medi-Cal Rx, opens a referral for county intake when the child has no open case, allocates the county's
/// next SAR number and stores the SAR, its attachments, its audit event and the idempotency record in one SaveChanges.
/// </summary>
public sealed class SubmitSar(
    CcsDbContext db, CurrentUser user, Auditor auditor, TimeProvider clock, CountyDirectory counties,
    AttachmentRules attachmentRules, MediCalRxRedirect pharmacy, ServiceCodeGroupTable codes)
{
    public const string ClientNotFound = "We found no child with this CIN or BIC ID and date of birth. Check both against the child's BIC card.";

    private const int MaxAttempts = 100;

    /// <summary>As long as <see cref="IdempotentRequest.Key"/> may be stored.</summary>
    public const int MaxKeyLength = 100;

    public static bool MayEnterPaperSars(string role) => role is Roles.CountyIntake or Roles.NurseCaseManager;

    public async Task<SubmitSarOutcome> HandleAsync(SarSubmission input, IReadOnlyList<SarFileInput> files, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(files);
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > MaxKeyLength })
            return new SubmitSarOutcome.Invalid(new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"An Idempotency-Key may be at most {MaxKeyLength} characters; a UUID is a good key."] });
        var hash = key is null ? "" : Hash(input, files);
        if (key is not null && await ReplayAsync(key, hash, cancellationToken) is { } earlier) return earlier;

        var errors = new Errors();
        var now = clock.GetUtcNow().UtcDateTime;
        var receivedAt = ReceivedAt(input, now, errors);
        var formType = ParseEnum<SarFormType>(input.FormType, "formType", "Choose the form: new referral, established client or discharge planning.", errors);
        var flags = ParseFlags(input.Flags, errors);
        var child = await FindChildAsync(input, errors, cancellationToken);
        var provider = await FindRequestingProviderAsync(input.RequestingProviderNpi, errors, cancellationToken);
        var facility = await FindFacilityAsync(input.FacilityNpi, receivedAt, errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.DiagnosisCode)) errors.Add("diagnosisCode", "Enter the CCS diagnosis as an ICD-10-CM code.");
        else if (!IsIcd10(input.DiagnosisCode)) errors.Add("diagnosisCode", $"{input.DiagnosisCode.Trim()} is not an ICD-10-CM code: a letter, two characters, then up to four more after an optional dot (for example Q21.0).");
        if (input.Expedited && string.IsNullOrWhiteSpace(input.ExpeditedReason)) errors.Add("expeditedReason", "Say why the request needs an expedited review.");
        var lines = ParseLines(input.Lines, errors);
        var attachments = CheckAttachments(files, errors);

        if (provider is not null)
        {
            try
            {
                SarSubmissionRules.EnsureMaySubmit(provider, receivedAt);
            }
            catch (DomainRuleException refused)
            {
                return new SubmitSarOutcome.NotPaneled(refused.Message);
            }
        }
        if (child is not null && formType == SarFormType.EstablishedClient && !child.Value.HasOpenCase)
            errors.Add("formType", "The child has no open CCS case, so the established-client form (DHCS 4509) does not apply. Submit a new referral SAR (DHCS 4488); it waits for the eligibility decision.");
        if (errors.Any || child is null || provider is null || formType is null) return new SubmitSarOutcome.Invalid(errors.ToDictionary());

        var (childId, county, hasOpenCase) = child.Value;
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var (number, newCounter) = await NextNumberAsync(county, cancellationToken);
            Sar sar;
            try
            {
                sar = Sar.Submit(number, childId, provider.Id, facility?.Id, formType.Value, input.DiagnosisCode!, input.Expedited,
                    input.ExpeditedReason, lines, user.Id, receivedAt, flags, hasOpenCase);
                if (pharmacy.Applies(sar, codes))
                    sar.Redirect(user.Id, pharmacy.ExplanationFor(counties.Get(county).ModelOn(DateOnly.FromDateTime(receivedAt)).CareModel), receivedAt);
            }
            catch (DomainRuleException rule)
            {
                db.ChangeTracker.Clear();
                errors.Add(rule.Rule.StartsWith("sar.pharmacy", StringComparison.Ordinal) ? "lines" : "formType", rule.Message);
                return new SubmitSarOutcome.Invalid(errors.ToDictionary());
            }
            db.Sars.Add(sar);
            foreach (var file in attachments)
                db.SarDocuments.Add(new SarDocument
                {
                    SarId = sar.Id, FileName = file.Accepted.FileName, ContentType = file.Accepted.ContentType, SizeBytes = file.Accepted.SizeBytes,
                    Content = file.Content, UploadedAt = now, UploadedBy = user.Id,
                });
            if (!hasOpenCase && sar.Status != SarStatus.Redirected)
                db.Referrals.Add(Referral.Receive(childId, county, provider.IsFacility ? ReferrerKind.Hospital : ReferrerKind.Physician, provider.Name, provider.Id,
                    $"SAR {number.Value}: {sar.Lines[0].Description}", sar.DiagnosisCode, receivedAt));
            if (key is not null)
                db.IdempotentRequests.Add(new IdempotentRequest { UserId = user.Id, Key = key, RequestHash = hash, ResourceId = number.Value, StatusCode = StatusCodes.Status201Created, CreatedAt = now });
            auditor.Record(AuditAction.Create, "Sar", sar.Id.ToString(), childId);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new SubmitSarOutcome.Accepted(Receipt(sar), Replayed: false);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another submission in the county took the number first (the counter's version changed, or the
                // SAR number's unique index refused the second insert), or a concurrent retry with the same
                // Idempotency-Key won: start again from fresh data. Any other failure is not retried.
                db.ChangeTracker.Clear();
                if (key is not null && await ReplayAsync(key, hash, cancellationToken) is { } winner) return winner;
                var current = await db.SarNumberCounters.AsNoTracking().Where(c => c.CountyCode == county.Value).Select(c => (long?)c.LastSequence).SingleOrDefaultAsync(cancellationToken);
                if (current == number.Sequence - 1 && !newCounter) throw;
            }
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
    /// The county's next sequence, by optimistic concurrency: the counter's Version is a concurrency token, so two
    /// submissions that read the same value cannot both save; the loser retries from fresh data. The counter,
    /// the SAR and everything else commit together, so a failed submission uses no number.
    /// </summary>
    private async Task<(SarNumber Number, bool NewCounter)> NextNumberAsync(CountyCode county, CancellationToken cancellationToken)
    {
        var counter = await db.SarNumberCounters.SingleOrDefaultAsync(c => c.CountyCode == county.Value, cancellationToken);
        var created = counter is null;
        if (counter is null)
        {
            counter = new SarNumberCounter { CountyCode = county.Value };
            db.SarNumberCounters.Add(counter); // a concurrent first submission fails on the key and retries
        }
        counter.LastSequence++;
        counter.Version++;
        return (SarNumber.Create(county, counter.LastSequence), created);
    }

    private async Task<SubmitSarOutcome?> ReplayAsync(string key, string hash, CancellationToken cancellationToken)
    {
        var earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == user.Id && r.Key == key, cancellationToken);
        if (earlier is null) return null;
        if (earlier.RequestHash != hash)
            return new SubmitSarOutcome.KeyReused($"The Idempotency-Key {key} was already used for a different request (SAR {earlier.ResourceId}). Use a new key for a new request.");
        var number = SarNumber.Parse(earlier.ResourceId);
        var sar = await db.Sars.AsNoTracking().SingleAsync(s => s.Number == number, cancellationToken);
        return new SubmitSarOutcome.Accepted(Receipt(sar), Replayed: true);
    }

    private DateTime ReceivedAt(SarSubmission input, DateTime now, Errors errors)
    {
        if (input.ReceivedAt is not { } given)
        {
            if (MayEnterPaperSars(user.Role)) errors.Add("receivedAt", "Enter the date and time the county received the fax or paper SAR: the review clock starts then.");
            return now;
        }
        if (!MayEnterPaperSars(user.Role))
        {
            errors.Add("receivedAt", "Only county staff entering a fax or paper SAR give a received date; leave it out.");
            return now;
        }
        var utc = given.Kind == DateTimeKind.Unspecified
            ? TimeZoneInfo.ConvertTimeToUtc(given, OpenCcs.Core.Calendar.BusinessCalendar.Pacific)
            : given.ToUniversalTime();
        if (utc > now) errors.Add("receivedAt", "The received date and time cannot be in the future.");
        return utc > now ? now : utc;
    }

    private async Task<(Guid Id, CountyCode County, bool HasOpenCase)?> FindChildAsync(SarSubmission input, Errors errors, CancellationToken cancellationToken)
    {
        var id = input.ClientId?.Trim().ToUpperInvariant();
        Cin? cin = null;
        if (string.IsNullOrEmpty(id)) errors.Add("clientId", "Enter the child's CIN (9 characters) or BIC ID (14 characters).");
        else if (Cin.TryParse(id, out var c)) cin = c;
        else if (BicId.TryParse(id, out var bic)) cin = bic.Cin;
        else errors.Add("clientId", $"{id} is neither a CIN (9 characters) nor a BIC ID (14 characters).");
        DateOnly? dob = null;
        if (string.IsNullOrWhiteSpace(input.DateOfBirth)) errors.Add("dateOfBirth", "Enter the child's date of birth.");
        else if (DateOnly.TryParseExact(input.DateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) dob = d;
        else errors.Add("dateOfBirth", "Enter the date of birth as year-month-day, for example 2015-04-30.");
        if (cin is null || dob is null) return null;
        var found = await db.Children.AsNoTracking().Where(ch => ch.Cin == cin.Value)
            .Select(ch => new { ch.Id, ch.DateOfBirth, ch.CountyOfResidence }).SingleOrDefaultAsync(cancellationToken);
        // Unknown CIN and wrong date of birth read the same, so the form reveals nothing about who is enrolled.
        if (found is null || found.DateOfBirth != dob.Value || (MayEnterPaperSars(user.Role) && user.County != found.CountyOfResidence))
        {
            errors.Add("clientId", ClientNotFound);
            return null;
        }
        var open = await db.Cases.AnyAsync(k => k.ChildId == found.Id && k.Status == CaseStatus.Open, cancellationToken);
        return (found.Id, found.CountyOfResidence, open);
    }

    private async Task<Provider?> FindRequestingProviderAsync(string? text, Errors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors.Add("requestingProviderNpi", "Enter the requesting provider's NPI."); return null; }
        if (!Npi.TryParse(text, out var npi)) { errors.Add("requestingProviderNpi", $"{text.Trim()} is not an NPI: 10 digits with a valid check digit."); return null; }
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Npi == npi, cancellationToken);
        var ownOrganisation = MayEnterPaperSars(user.Role) || (user.OrganizationId is { } org && provider?.OrganizationId == org);
        if (provider is null || !ownOrganisation)
        {
            errors.Add("requestingProviderNpi", MayEnterPaperSars(user.Role)
                ? $"No CCS provider has NPI {npi.Value}."
                : $"NPI {npi.Value} is not a provider of your organisation. Enter the NPI of one of your organisation's providers.");
            return null;
        }
        return provider;
    }

    private async Task<Provider?> FindFacilityAsync(string? text, DateTime receivedAt, Errors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Npi.TryParse(text, out var npi)) { errors.Add("facilityNpi", $"{text.Trim()} is not an NPI: 10 digits with a valid check digit."); return null; }
        var facility = await db.Providers.SingleOrDefaultAsync(p => p.Npi == npi, cancellationToken);
        var on = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(receivedAt, OpenCcs.Core.Calendar.BusinessCalendar.Pacific));
        if (facility is null || !facility.IsFacility) errors.Add("facilityNpi", $"NPI {npi.Value} is not a CCS hospital or Special Care Center.");
        else if (!facility.IsAuthorizedOn(on)) errors.Add("facilityNpi", $"{facility.Name} is not a CCS-approved facility on {on:yyyy-MM-dd}; care must be in a CCS-approved facility.");
        else return facility;
        return null;
    }

    private static List<SarLineRequest> ParseLines(IReadOnlyList<SarLineInput>? inputs, Errors errors)
    {
        var lines = new List<SarLineRequest>();
        var given = (inputs ?? []).Select((l, i) => (Line: l, Index: i)).Where(x => !IsBlank(x.Line)).ToList();
        if (given.Count == 0) { errors.Add("lines", "Request at least one service: fill in a line."); return lines; }
        foreach (var (line, i) in given)
        {
            var at = $"lines[{i}]";
            var label = $"Line {i + 1}";
            var system = ParseEnum<ServiceCodeSystem>(line.CodeSystem, $"{at}.codeSystem", $"{label}: choose the code system (CPT, HCPCS, NDC, supply code or inpatient days).", errors);
            if (system != ServiceCodeSystem.InpatientDays && string.IsNullOrWhiteSpace(line.Code))
                errors.Add($"{at}.code", $"{label}: enter the CPT, HCPCS, NDC or supply code.");
            if (string.IsNullOrWhiteSpace(line.Description)) errors.Add($"{at}.description", $"{label}: describe the service.");
            var from = ParseDate(line.From, $"{at}.from", $"{label}: enter the first date of service as year-month-day.", errors);
            var to = ParseDate(line.To, $"{at}.to", $"{label}: enter the last date of service as year-month-day.", errors);
            if (from is { } f && to is { } t && t < f) errors.Add($"{at}.to", $"{label}: the last date {t:yyyy-MM-dd} is before the first date {f:yyyy-MM-dd}.");
            if (line.Units is not { } units || units < 1)
                errors.Add($"{at}.units", system == ServiceCodeSystem.InpatientDays ? $"{label}: enter the number of inpatient days, at least 1." : $"{label}: enter the units, at least 1.");
            if (system is { } s && from is { } ff && to is { } tt && line.Units is { } u && u >= 1 && !string.IsNullOrWhiteSpace(line.Description)
                && (s == ServiceCodeSystem.InpatientDays || !string.IsNullOrWhiteSpace(line.Code)))
                lines.Add(new SarLineRequest(s, s == ServiceCodeSystem.InpatientDays ? null : line.Code!.Trim(), line.Description!.Trim(), ff, tt, u,
                    string.IsNullOrWhiteSpace(line.Frequency) ? null : line.Frequency.Trim()));
        }
        return lines;
    }

    private static bool IsBlank(SarLineInput? line) =>
        line is null || (string.IsNullOrWhiteSpace(line.Code) && string.IsNullOrWhiteSpace(line.Description) && string.IsNullOrWhiteSpace(line.From)
            && string.IsNullOrWhiteSpace(line.To) && line.Units is null && string.IsNullOrWhiteSpace(line.Frequency)
            && (string.IsNullOrWhiteSpace(line.CodeSystem) || line.CodeSystem == nameof(ServiceCodeSystem.Cpt)));

    private List<(SarAttachment Accepted, byte[] Content)> CheckAttachments(IReadOnlyList<SarFileInput> files, Errors errors)
    {
        var accepted = new List<(SarAttachment, byte[])>();
        for (var i = 0; i < files.Count; i++)
        {
            try
            {
                var ok = attachmentRules.Accept(files[i].FileName, files[i].ContentType, files[i].SizeBytes);
                if (files[i].Content is { } content) accepted.Add((ok, content));
            }
            catch (DomainRuleException refused)
            {
                errors.Add($"attachments[{i}]", refused.Message);
            }
        }
        if (accepted.Count == files.Count && files.Count > 0)
        {
            try
            {
                attachmentRules.AcceptAll(accepted.Select(a => a.Item1));
            }
            catch (DomainRuleException refused)
            {
                errors.Add("attachments", refused.Message);
            }
        }
        return accepted;
    }

    private static SarRequestFlags ParseFlags(IReadOnlyList<string>? flags, Errors errors)
    {
        var result = SarRequestFlags.None;
        foreach (var text in flags ?? [])
        {
            if (Enum.TryParse<SarRequestFlags>(text, ignoreCase: true, out var flag) && flag != SarRequestFlags.None && Enum.IsDefined(flag)) result |= flag;
            else errors.Add("flags", $"{text} is not a request flag; use {string.Join(", ", Enum.GetNames<SarRequestFlags>().Skip(1))}.");
        }
        return result;
    }

    private static T? ParseEnum<T>(string? text, string field, string message, Errors errors) where T : struct, Enum
    {
        if (!string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value)) return value;
        errors.Add(field, message);
        return null;
    }

    private static DateOnly? ParseDate(string? text, string field, string message, Errors errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, message);
        return null;
    }

    private static bool IsIcd10(string code)
    {
        var c = code.Trim().ToUpperInvariant().Replace(".", "", StringComparison.Ordinal);
        return c.Length is >= 3 and <= 7 && char.IsAsciiLetter(c[0]) && c.All(char.IsAsciiLetterOrDigit) && char.IsAsciiDigit(c[1]);
    }

    private static string Hash(SarSubmission input, IReadOnlyList<SarFileInput> files)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { input, files = files.Select(f => new { f.FileName, f.ContentType, f.SizeBytes, Content = f.Content is null ? null : Convert.ToHexString(SHA256.HashData(f.Content)) }) });
        return Convert.ToHexString(SHA256.HashData(body));
    }

    /// <summary>Field errors in the order found; a field may have several.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public bool Any => _errors.Count > 0;

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
            if (!list.Contains(message)) list.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
