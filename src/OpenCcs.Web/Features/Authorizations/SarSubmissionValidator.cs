using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Data;
using OpenCcs.Web.Auth;
using OpenCcs.Web.Features.Children;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>A submission whose every field checked out, with the child and providers it names.</summary>
public sealed record ValidSarSubmission(
    SarFormType FormType, Guid ChildId, CountyCode County, bool HasOpenCase, Provider Provider, Provider? Facility, DateTime ReceivedAt,
    SarRequestFlags Flags, IReadOnlyList<SarLineRequest> Lines, IReadOnlyList<(SarAttachment Accepted, byte[] Content)> Attachments)
{
    /// <summary>The approved SAR this request extends (DHCS 4509), or null.</summary>
    public Sar? Extends { get; init; }
}

/// <summary>
/// Checks every field of a SAR at once (DOMAIN.md §5, §6): finds the child by CIN or BIC ID and date of birth,
/// the requesting provider in the sender's organisation, the facility, and refuses providers not paneled on the
/// request date. Reads only; <see cref="SubmitSar"/> stores what passes.
/// </summary>
public sealed class SarSubmissionValidator(CcsDbContext db, CurrentUser user, AttachmentRules attachmentRules, ChildByCard children)
{
    /// <returns>The checked submission, or the outcome that refuses it.</returns>
    public async Task<(ValidSarSubmission? Valid, SubmitSarOutcome? Refused)> CheckAsync(
        SarSubmission input, IReadOnlyList<SarFileInput> files, DateTime now, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var receivedAt = ReceivedAt(input, now, errors);
        var formType = SarInputParsing.ParseEnum<SarFormType>(input.FormType, "formType", "Choose the form: new referral, established client or discharge planning.", errors);
        var flags = SarInputParsing.ParseFlags(input.Flags, errors);
        var child = await children.FindAsync(input.ClientId, input.DateOfBirth, errors, cancellationToken);
        var provider = await FindRequestingProviderAsync(input.RequestingProviderNpi, errors, cancellationToken);
        var facility = await FindFacilityAsync(input.FacilityNpi, receivedAt, errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.DiagnosisCode)) errors.Add("diagnosisCode", "Enter the CCS diagnosis as an ICD-10-CM code.");
        else if (!SarInputParsing.IsIcd10(input.DiagnosisCode)) errors.Add("diagnosisCode", $"{input.DiagnosisCode.Trim()} is not an ICD-10-CM code: a letter, two characters, then up to four more after an optional dot (for example Q21.0).");
        if (input.Expedited && string.IsNullOrWhiteSpace(input.ExpeditedReason)) errors.Add("expeditedReason", "Say why the request needs an expedited review.");
        var lines = SarInputParsing.ParseLines(input.Lines, errors);
        var attachments = CheckAttachments(files, errors);
        var extends = await FindExtendedSarAsync(input.ExtendsSarNumber, errors, cancellationToken);

        if (provider is not null)
        {
            try
            {
                SarSubmissionRules.EnsureMaySubmit(provider, receivedAt);
            }
            catch (DomainRuleException refused)
            {
                return (null, new SubmitSarOutcome.NotPaneled(refused.Message));
            }
        }
        if (child is not null && formType == SarFormType.EstablishedClient && !child.HasOpenCase)
            errors.Add("formType", "The child has no open CCS case, so the established-client form (DHCS 4509) does not apply. Submit a new referral SAR (DHCS 4488); it waits for the eligibility decision.");
        if (errors.Any || child is null || provider is null || formType is null) return (null, new SubmitSarOutcome.Invalid(errors.ToDictionary()));
        var (childId, county, hasOpenCase) = child;
        return (new ValidSarSubmission(formType.Value, childId, county, hasOpenCase, provider, facility, receivedAt, flags, lines, attachments) { Extends = extends }, null);
    }

    /// <summary>
    /// The SAR an extension continues: a provider extends their organisation's own SARs, county staff those of
    /// their county. Whether it may be extended (approved, same child, established-client form) is the SAR's rule.
    /// </summary>
    private async Task<Sar?> FindExtendedSarAsync(string? text, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!SarNumber.TryParse(text, out var number))
        {
            errors.Add("extendsSarNumber", $"{text.Trim()} is not a SAR number: 11 digits, the county code first.");
            return null;
        }
        var sar = await db.Sars.AsNoTracking().SingleOrDefaultAsync(s => s.Number == number, cancellationToken);
        var ours = sar is not null && (SubmitSar.MayEnterPaperSars(user.Role)
            ? user.County is { } county && sar.County == county
            : user.OrganizationId is { } org && await db.Providers.AnyAsync(p => p.Id == sar.RequestingProviderId && p.OrganizationId == org, cancellationToken));
        if (!ours)
        {
            errors.Add("extendsSarNumber", $"We found no SAR {number.Value} that you can extend. Check the number on the approval, or submit a new request.");
            return null;
        }
        return sar;
    }

    private DateTime ReceivedAt(SarSubmission input, DateTime now, FieldErrors errors)
    {
        if (input.ReceivedAt is not { } given)
        {
            if (SubmitSar.MayEnterPaperSars(user.Role)) errors.Add("receivedAt", "Enter the date and time the county received the fax or paper SAR: the review clock starts then.");
            return now;
        }
        if (!SubmitSar.MayEnterPaperSars(user.Role))
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

    private async Task<Provider?> FindRequestingProviderAsync(string? text, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors.Add("requestingProviderNpi", "Enter the requesting provider's NPI."); return null; }
        if (!Npi.TryParse(text, out var npi)) { errors.Add("requestingProviderNpi", $"{text.Trim()} is not an NPI: 10 digits with a valid check digit."); return null; }
        var provider = await ProviderByNpi(npi, cancellationToken);
        var ownOrganisation = SubmitSar.MayEnterPaperSars(user.Role) || (user.OrganizationId is { } org && provider?.OrganizationId == org);
        if (provider is null || !ownOrganisation)
        {
            errors.Add("requestingProviderNpi", SubmitSar.MayEnterPaperSars(user.Role)
                ? $"No CCS provider has NPI {npi.Value}."
                : $"NPI {npi.Value} is not a provider of your organisation. Enter the NPI of one of your organisation's providers.");
            return null;
        }
        return provider;
    }

    private async Task<Provider?> FindFacilityAsync(string? text, DateTime receivedAt, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Npi.TryParse(text, out var npi)) { errors.Add("facilityNpi", $"{text.Trim()} is not an NPI: 10 digits with a valid check digit."); return null; }
        var facility = await ProviderByNpi(npi, cancellationToken);
        var on = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(receivedAt, OpenCcs.Core.Calendar.BusinessCalendar.Pacific));
        if (facility is null || !facility.IsFacility) errors.Add("facilityNpi", $"NPI {npi.Value} is not a CCS hospital or Special Care Center.");
        else if (!facility.IsAuthorizedOn(on)) errors.Add("facilityNpi", $"{facility.Name} is not a CCS-approved facility on {on:yyyy-MM-dd}; care must be in a CCS-approved facility.");
        else return facility;
        return null;
    }

    private List<(SarAttachment Accepted, byte[] Content)> CheckAttachments(IReadOnlyList<SarFileInput> files, FieldErrors errors)
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

    private Task<Provider?> ProviderByNpi(Npi npi, CancellationToken cancellationToken) =>
        db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Npi == npi, cancellationToken);
}
