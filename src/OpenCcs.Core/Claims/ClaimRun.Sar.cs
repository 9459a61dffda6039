using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Claims;

/// <summary>The rules that compare a line with its SAR (DOMAIN.md §9, rules 2–9 and 11 of issue 4).</summary>
internal partial struct ClaimRun
{

    /// <summary>
    /// Checks the line against the SAR it names and returns the SAR line whose units it uses, if any. When there is
    /// no usable SAR (missing, not found, not approved, another child's) the rules that compare with it are skipped:
    /// they would only repeat the same problem.
    /// </summary>
    private (SarIndex Sar, IndexedLine Line)? CheckSar(
        ClaimLineToCheck line, in BilledService service, DateOnly? from, DateOnly? to, bool emergency, ref List<ClaimFinding>? findings)
    {
        // Rule 2. An emergency needs no SAR; one entered anyway is checked, as the fiscal intermediary would.
        var entered = Entered(line.PriorAuthorization, _claim.PriorAuthorization);
        if (entered is null)
        {
            if (!emergency)
                Fail(ref findings, Finding(ClaimRules.SarMissing, X12Code.Carc15,
                    "The claim has no SAR number, and the service is not marked as an emergency.",
                    $"Enter the SAR number in {ClaimFields.SarNumber(_form)}; mark the line as an emergency only if it was one."));
            return null;
        }
        var sar = FindSar(entered);
        if (sar is null)
        {
            Fail(ref findings, _sarFinding!);
            return null;
        }

        // Rule 3: approved, and this child's.
        if (!sar.IsApproved)
        {
            Fail(ref findings, Finding(ClaimRules.SarNotApproved, X12Code.Carc197,
                $"SAR {sar.Number} is {Describe(sar.Sar.Status)}, not approved.",
                $"Bill once the SAR is approved, or check the SAR number in {ClaimFields.SarNumber(_form)}."));
            return null;
        }
        if (_cin is not null && from is { } day)
        {
            switch (sar.MatchClient(_cin, day, out var cinOnDate))
            {
                case ClientMatch.OtherClient:
                    Fail(ref findings, Finding(ClaimRules.SarOtherClient, X12Code.Carc197,
                        $"SAR {sar.Number} is for another child, not CIN {_cin}.",
                        $"Check the SAR number in {ClaimFields.SarNumber(_form)} and the CIN in {ClaimFields.MemberId(_form)}: both must be the child's."));
                    return null;
                case ClientMatch.OtherPeriod:
                    Fail(ref findings, Finding(ClaimRules.CinNotForDate, X12Code.Carc31,
                        $"CIN {_cin} was not the child's CIN on {Day(day)}" + (cinOnDate is null ? "." : $"; CIN {cinOnDate} covers that date."),
                        $"Enter the CIN that covers the date of service{(cinOnDate is null ? "" : $", {cinOnDate},")} in {ClaimFields.MemberId(_form)}."));
                    break;
            }
        }

        // Rule 7: a hospital SAR pays inpatient days only.
        if (sar.Sar.Type == SarType.HospitalInpatientDays && !service.InpatientDays && !service.IsEmpty)
        {
            Fail(ref findings, HospitalDaysOnly(sar, service));
            return null;
        }
        if (service.IsEmpty)
        {
            CheckSarProvider(line, sar, ref findings);
            return null;
        }
        var match = sar.Match(service, from, to, line.Units, _usage);

        // Rule 11: a NICU SAR covers the NICU's physicians, not a surgeon (unless the SAR authorises the procedure).
        if (sar.Sar.Type == SarType.Nicu && match.Covering is null && IsSurgery(service))
        {
            Fail(ref findings, Finding(ClaimRules.NicuSurgeon, X12Code.RarcN54,
                $"SAR {sar.Number} authorises a NICU stay and the NICU's physician services, not a surgeon's: {service} is surgery.",
                $"The surgeon needs their own SAR for {service}; enter that SAR's number in {ClaimFields.SarNumber(_form)}."));
            return null;
        }

        var charge = CheckService(line, service, sar, match, from, to, ref findings);
        CheckSarProvider(line, sar, ref findings);
        return charge is null ? null : (sar, charge);
    }

    private SarIndex? FindSar(string entered)
    {
        if (entered == _sarEntered) return _sar;
        _sarEntered = entered;
        _sar = null;
        _sarFinding = null;
        if (!SarNumber.TryParse(entered, out var number))
            _sarFinding = Finding(ClaimRules.SarInvalid, X12Code.Carc15,
                $"'{entered}' is not a SAR number: a SAR number is 11 digits — a county code 01–58, an 8-digit sequence and a check digit.",
                $"Correct the SAR number in {ClaimFields.SarNumber(_form)}.");
        else if (_facts.FindSar(number.Value) is { } facts)
            _sar = _checker.IndexOf(facts);
        else
            _sarFinding = Finding(ClaimRules.SarNotFound, X12Code.Carc197,
                $"No SAR has the number {number.Value}.",
                $"Check the SAR number in {ClaimFields.SarNumber(_form)} against the approval the family or the authorised provider has.");
        return _sar;
    }

    /// <summary>
    /// Rules 4, 5, 8 and 9 (brand name): the code is on an authorised SAR line whose dates hold the service and whose
    /// units are not used up, or inside the granted SCG within the grant's dates and not one of its exclusions.
    /// </summary>
    private IndexedLine? CheckService(
        ClaimLineToCheck line, in BilledService service, SarIndex sar, LineMatch match, DateOnly? from, DateOnly? to, ref List<ClaimFinding>? findings)
    {
        if (match.Covering is { } authorized)
        {
            if (line.BrandName && !authorized.Facts.BrandName)
            {
                Fail(ref findings, BrandNameNotAuthorized(sar, service));
                return null;
            }
            if (match.UnitsLeft is { } left && line.Units > left)
            {
                var used = _usage.UsedOn(sar.Number, authorized.Facts.LineNumber);
                Fail(ref findings, Finding(ClaimRules.UnitsExceeded, X12Code.Carc198,
                    $"The line bills {UnitsText(line.Units)} of {service}; SAR {sar.Number} {authorized.Label} authorised {UnitsText(authorized.Facts.AuthorizedUnits ?? 0)}"
                    + (used > 0 ? $", of which {UnitsText(used)} {(used == 1 ? "was" : "were")} billed on earlier lines, leaving {UnitsText(Math.Max(left, 0))}." : "."),
                    left > 0
                        ? $"Bill at most {UnitsText(left)} in {ClaimFields.Units(_form)}, or ask the county to authorise more on SAR {sar.Number}."
                        : $"Nothing is left to bill on SAR {sar.Number} {authorized.Label}: remove the line, or ask the county to authorise more."));
                return null;
            }
            return authorized;
        }

        // Rule 11: authorising a NICU stay also authorises the NICU's physician services during it (reference/002), so a
        // NICU SAR needs no line for them. Surgery never gets here: CheckSar has already sent the surgeon to their own SAR.
        if (sar.Sar.Type == SarType.Nicu && service.IsCpt && !line.BrandName)
        {
            var duringStay = NicuStay(sar, from, to, out var stay);
            if (stay is not null)
            {
                if (!duringStay)
                    Fail(ref findings, OutsideDates(sar, $"{stay.Label}, the NICU stay", stay.Facts.AuthorizedFrom, stay.Facts.AuthorizedTo, from!.Value, to ?? from.Value));
                return null;
            }
        }

        // Brand-name drugs are outside every SCG (reference/000), so only a brand-name SAR line pays them.
        if (!line.BrandName && sar.Sar.Scg is { } grant && service.Primary is { } code && _checker.Covers(grant.Code, code, from ?? grant.From))
        {
            if (from is { } first && (first < grant.From || (to ?? first) > grant.To))
                Fail(ref findings, OutsideDates(sar, $"SCG {grant.Code}", grant.From, grant.To, first, to ?? first));
            return null;
        }
        if (match.Outside is { } outside)
        {
            Fail(ref findings, OutsideDates(sar, outside.Label, outside.Facts.AuthorizedFrom, outside.Facts.AuthorizedTo, from!.Value, to ?? from.Value));
            return null;
        }
        if (line.BrandName)
        {
            Fail(ref findings, BrandNameNotAuthorized(sar, service));
            return null;
        }
        if (ProductMismatch(sar, service) is { } mismatch)
        {
            Fail(ref findings, mismatch);
            return null;
        }
        Fail(ref findings, ServiceNotAuthorized(sar, service, match, from));
        return null;
    }

    /// <summary>
    /// Whether an authorised inpatient-days line of the NICU SAR holds the dates of service; <paramref name="stay"/> is that
    /// line, or else the first authorised one (to name its dates), or null when the SAR authorises no stay.
    /// </summary>
    private static bool NicuStay(SarIndex sar, DateOnly? from, DateOnly? to, out IndexedLine? stay)
    {
        stay = null;
        foreach (var candidate in sar.Lines)
        {
            if (candidate.Family != CodeFamily.InpatientDays || candidate.Disposition == LineDisposition.NotAuthorized) continue;
            if (from is not { } first || candidate.Holds(first, to ?? first))
            {
                stay = candidate;
                return true;
            }
            stay ??= candidate;
        }
        return false;
    }

    private ClaimFinding OutsideDates(SarIndex sar, string what, DateOnly? start, DateOnly? end, DateOnly first, DateOnly last)
    {
        var message = start is { } s && first < s
            ? $"Date of service {Day(first)} is before the start date {Day(s)} of SAR {sar.Number} {what}."
            : $"Date of service {Day(last)} is after the end date {(end is { } e ? Day(e) : "")} of SAR {sar.Number} {what}.";
        var dates = $"{(start is { } a ? Day(a) : "its start")} to {(end is { } b ? Day(b) : "its end")}";
        return Finding(ClaimRules.OutsideSarDates, X12Code.Carc197, message,
            $"Bill only dates from {dates} in {ClaimFields.DateOfService(_form)}, or ask the county to extend SAR {sar.Number}.");
    }

    private ClaimFinding BrandNameNotAuthorized(SarIndex sar, in BilledService service) => Finding(ClaimRules.BrandNameNotAuthorized, X12Code.RarcN54,
        $"{service} is billed as a brand-name drug (dispense as written), but SAR {sar.Number} has no brand-name line for it. "
        + "Brand-name drugs need their own SAR line with the prescriber's reason the generic will not do; no SCG covers them.",
        $"Dispense and bill the generic, or ask for a brand-name SAR line for {service} and bill under it ({ClaimFields.SarNumber(_form)}).");

    /// <summary>
    /// Rule 8, second half: insulin syringes, diabetic test strips and lancets are paid only by the NDC or supply code
    /// on their product-specific SAR (reference/000).
    /// </summary>
    private ClaimFinding? ProductMismatch(SarIndex sar, in BilledService service)
    {
        if (!sar.HasProductLines) return null;
        var item = service.Procedure is not null && service.Primary is { } code ? _checker.CodeGroups.ProductItemFor(code) : null;
        string? items = null, codes = null;
        foreach (var line in sar.Lines)
        {
            if (line.Facts.Product is not { } product || line.Disposition == LineDisposition.NotAuthorized) continue;
            if (sar.Sar.Type != SarType.ProductSpecific && product != item) continue;
            var name = ServiceCodeGroupTable.Describe(product);
            items = items is null ? name : items.Contains(name) ? items : $"{items}, {name}";
            var shown = line.Family == CodeFamily.Ndc ? $"NDC {line.Code}" : $"supply code {line.Code}";
            codes = codes is null ? shown : $"{codes}, {shown}";
        }
        if (items is null) return null;
        return Finding(ClaimRules.ProductMismatch, X12Code.RarcN54,
            $"SAR {sar.Number} authorises {items} only as {codes}; this line bills {service}.",
            $"Bill the NDC or supply code on the SAR in {ClaimFields.Code(_form)}, or ask for a product-specific SAR for {service}.");
    }

    /// <summary>Rule 5: says why the code is not authorised, in the SCG table's own words where it excludes the code.</summary>
    private ClaimFinding ServiceNotAuthorized(SarIndex sar, in BilledService service, LineMatch match, DateOnly? from)
    {
        var codeGroups = _checker.CodeGroups;
        var grant = sar.Sar.Scg;
        var primary = service.Primary;
        string reason;
        if (match.Refused is { } refused)
            reason = $"The SAR's {refused.Label} asked for it and was not authorised.";
        else if (primary is { } code && codeGroups.ExclusionFor(code) is { } exclusion)
            reason = exclusion.Reason;
        else if (service.InpatientDays)
            reason = "It authorises no inpatient days.";
        else if (primary is null)
            reason = "A revenue code alone names no service that a SAR line or an SCG covers.";
        else if (grant is null)
            reason = "It is on no authorised line, and the SAR grants no SCG.";
        else if (codeGroups.Find(grant.Code, from ?? grant.From) is not { } group)
            reason = $"It is on no authorised line, and SCG {grant.Code} is not in force on {Day(from ?? grant.From)}.";
        else
            reason = $"It is on no authorised line, nor in the granted SCG {group.Code} {group.Name}.";
        return Finding(ClaimRules.ServiceNotAuthorized, X12Code.RarcN54,
            $"SAR {sar.Number} does not authorise {service}. {reason}",
            $"Check the code in {ClaimFields.Code(_form)}; if it is right, ask for a SAR line for {service} and bill under that SAR ({ClaimFields.SarNumber(_form)}).");
    }

    private ClaimFinding HospitalDaysOnly(SarIndex sar, in BilledService service) => service.IsCpt
        ? Finding(ClaimRules.HospitalSarDaysOnly, X12Code.RarcN54,
            $"SAR {sar.Number} is a hospital SAR, which pays inpatient days only. Physician services during the stay ({service}) bill on the physician's or Special Care Center's SAR.",
            $"Enter the physician's or Special Care Center's SAR number in {ClaimFields.SarNumber(_form)}.")
        : Finding(ClaimRules.HospitalSarDaysOnly, X12Code.RarcN54,
            $"SAR {sar.Number} is a hospital SAR, which pays inpatient days only (accommodation revenue codes 0100–0219 on a UB-04 / 837I); this line bills {service}.",
            $"Bill inpatient days with an accommodation revenue code in {ClaimFields.Code(ClaimForm.Institutional)}, and other services under a SAR that authorises them.");

    /// <summary>A CPT code in the SCG table's surgical ranges and not one of the procedures it lets an SCG hold.</summary>
    private bool IsSurgery(in BilledService service)
    {
        if (!service.IsCpt) return false;
        var code = new ServiceCode(ServiceCodeSystem.Cpt, service.Procedure!);
        var exclusions = _checker.CodeGroups.Exclusions;
        return AnyContains(exclusions.SurgicalRanges, code) && !AnyContains(exclusions.SurgeryAllowedInScg, code);
    }

    private static bool AnyContains(IReadOnlyList<CodeRange> ranges, ServiceCode code)
    {
        for (var i = 0; i < ranges.Count; i++)
            if (ranges[i].Contains(code)) return true;
        return false;
    }

    private static string Describe(SarStatus status) => status switch
    {
        SarStatus.Draft => "a draft",
        SarStatus.Submitted => "submitted and not yet decided",
        SarStatus.InReview => "in review",
        SarStatus.PendedForInformation => "pended for more information",
        SarStatus.Denied => "denied",
        SarStatus.Returned => "returned to the county for correction",
        SarStatus.Cancelled => "cancelled",
        SarStatus.Redirected => "redirected (not a CCS request)",
        SarStatus.ForwardedToIscd => "with the state (ISCD) for review",
        _ => status.ToString(),
    };
}
