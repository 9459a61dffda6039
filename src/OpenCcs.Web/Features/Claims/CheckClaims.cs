using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data;
using OpenCcs.Data.Claims;
using OpenCcs.Data.Identity;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Claims;

public abstract record ClaimCheckOutcome
{
    public sealed record Checked(IReadOnlyList<ClaimCheckResult> Results) : ClaimCheckOutcome;

    /// <summary>The claim cannot be checked as sent; every problem, keyed by field (<c>lines[1].from</c>).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ClaimCheckOutcome;

    /// <summary>The caller may not check this claim (another organisation's, or a SAR outside their county).</summary>
    /// <param name="Field">The field the refusal is about, for the form.</param>
    public sealed record Refused(string Field, string Detail) : ClaimCheckOutcome;
}

/// <summary>
/// Answers "will this claim be paid against its SAR?" for the portal forms, the JSON API and 837 files
/// (DOMAIN.md §9): checks the claim's shape, the caller's scope, loads the SARs and providers it names,
/// runs the rules and audits every SAR read. The rules themselves live in <see cref="ClaimChecker"/>.
/// </summary>
public sealed class CheckClaims(CcsDbContext db, ClaimFactsLoader loader, ClaimChecker checker, CurrentUser user, ChildAccess access, Auditor auditor)
{
    /// <summary>An 837P claim carries at most 50 service lines (005010X222A1 loop 2400).</summary>
    public const int MaxLines = 50;

    /// <summary>Bounds the facts held while a long 837 file is checked in batches.</summary>
    private const int MaxCachedSars = 20_000;

    private const int MaxFieldLength = 80;

    private readonly ClaimFactsCache _facts = new();
    private HashSet<string>? _organisationNpis;

    /// <summary>One claim from a form or the JSON API: its shape is checked first, then the rules.</summary>
    public async Task<ClaimCheckOutcome> CheckAsync(ClaimToCheck claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var errors = ShapeErrors(claim);
        if (errors.Count > 0) return new ClaimCheckOutcome.Invalid(errors);
        return await CheckBatchAsync([claim], new SarUsage(), cancellationToken);
    }

    /// <summary>
    /// Claims of one run (a batch of an 837 file) as read: the reader already produced them, so values go to the
    /// rules as sent. <paramref name="usage"/> carries units across batches of the same run (rule 8).
    /// </summary>
    public async Task<ClaimCheckOutcome> CheckBatchAsync(IReadOnlyList<ClaimToCheck> claims, SarUsage usage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(usage);
        if (await RefusalAsync(claims, cancellationToken) is { } refused) return refused;
        var sars = await SarsReadAsync(claims, cancellationToken);
        if (Roles.CountyStaff.Contains(user.Role) && await OutsideCountyAsync(sars, cancellationToken) is { } outside) return outside;

        if (_facts.SarCount > MaxCachedSars) _facts.Clear();
        await loader.LoadIntoAsync(_facts, claims.ToList(), cancellationToken);
        var results = new List<ClaimCheckResult>(claims.Count);
        foreach (var claim in claims)
            results.Add(checker.Check(claim, _facts, usage));

        // A claim check reads the SARs it names: one audit event per SAR, saved together.
        foreach (var sar in sars) auditor.Record(Data.Auditing.AuditAction.Read, "Sar", sar.Id.ToString(), sar.ChildId);
        if (sars.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear(); // everything else here is read untracked; a long 837 file must not keep its audit events in memory
        }
        return new ClaimCheckOutcome.Checked(results);
    }

    /// <summary>A provider checks only claims billed or rendered by their own organisation.</summary>
    private async Task<ClaimCheckOutcome.Refused?> RefusalAsync(IReadOnlyList<ClaimToCheck> claims, CancellationToken cancellationToken)
    {
        if (user.Role != Roles.Provider) return null;
        _organisationNpis ??= user.OrganizationId is { } org
            ? (await db.Providers.AsNoTracking().Where(p => p.OrganizationId == org).Select(p => p.Npi).ToListAsync(cancellationToken)).Select(n => n.Value).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var claim in claims)
        {
            var npis = new[] { claim.BillingNpi, claim.RenderingNpi }.Concat(claim.Lines.Select(l => l.RenderingNpi));
            if (npis.Any(n => n is not null && _organisationNpis.Contains(n.Trim()))) continue;
            var which = claim.Reference is { Length: > 0 } reference ? $"Claim {reference}: n" : "N";
            return new ClaimCheckOutcome.Refused("billingNpi",
                $"{which}either the billing NPI ({Shown(claim.BillingNpi)}) nor the rendering NPI ({Shown(claim.RenderingNpi)}) is a provider of your organisation. " +
                "You can check only your organisation's claims: enter your organisation's NPI as billing provider (CMS-1500 box 33a) or rendering provider (box 24J).");
        }
        return null;
    }

    /// <summary>County staff check claims against the SARs of their county's children only; the State sees every county.</summary>
    private async Task<ClaimCheckOutcome.Refused?> OutsideCountyAsync(IReadOnlyList<SarRead> sars, CancellationToken cancellationToken)
    {
        if (sars.Count == 0) return null;
        var ids = sars.Select(s => s.Id).ToList();
        var visible = (await access.Sars().Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        var outside = sars.FirstOrDefault(s => !visible.Contains(s.Id));
        if (outside is null) return null;
        await auditor.DeniedAsync("Sar", outside.Id.ToString(), outside.ChildId, cancellationToken);
        return new ClaimCheckOutcome.Refused("priorAuthorization",
            $"SAR {outside.Number} is for a child outside your county, so you cannot check claims against it. The county that issued it can.");
    }

    private async Task<IReadOnlyList<SarRead>> SarsReadAsync(IReadOnlyList<ClaimToCheck> claims, CancellationToken cancellationToken)
    {
        var numbers = claims.SelectMany(c => c.Lines.Select(l => l.PriorAuthorization).Append(c.PriorAuthorization))
            .Select(text => SarNumber.TryParse(text?.Trim(), out var number) ? number : (SarNumber?)null)
            .OfType<SarNumber>().Distinct().ToArray();
        if (numbers.Length == 0) return [];
        var found = new List<SarRead>();
        foreach (var chunk in numbers.Chunk(2_000))
            found.AddRange((await db.Sars.AsNoTracking().Where(s => EF.Parameter(chunk).Contains(s.Number)).Select(s => new { s.Id, s.ChildId, s.Number }).ToListAsync(cancellationToken))
                .Select(s => new SarRead(s.Id, s.ChildId, s.Number.Value)));
        return found;
    }

    /// <summary>
    /// What the rules cannot judge: a claim with no lines, a line with no date of service or no code, units that are
    /// not a positive amount, a range that ends before it starts. Everything else (CIN, SAR number, NPIs) goes to the
    /// rules as entered, so the answer says what is wrong with it and how to correct it.
    /// </summary>
    public static Dictionary<string, string[]> ShapeErrors(ClaimToCheck claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        foreach (var (field, value) in new[]
                 {
                     ("reference", claim.Reference), ("memberId", claim.MemberId), ("billingNpi", claim.BillingNpi), ("renderingNpi", claim.RenderingNpi),
                     ("referringNpi", claim.ReferringNpi), ("priorAuthorization", claim.PriorAuthorization), ("bin", claim.Bin),
                 })
            if (value is { Length: > MaxFieldLength }) Add(field, $"At most {MaxFieldLength} characters.");
        // A pharmacy claim without a BIN is rule 9's to answer (it would deny), not a shape error.
        if (claim.Lines.Count == 0) Add("lines", "Enter at least one service line: its date, code and units.");
        if (claim.Lines.Count > MaxLines) Add("lines", $"A claim has at most {MaxLines} service lines; split the claim.");
        for (var i = 0; i < claim.Lines.Count && i < MaxLines; i++)
        {
            var line = claim.Lines[i];
            var at = $"lines[{i}]";
            var label = $"Line {line.LineNumber}";
            if (line.From is null) Add($"{at}.from", $"{label}: enter the date of service as year-month-day, for example 2026-12-01.");
            if (line.From is { } from && line.To is { } to && to < from) Add($"{at}.to", $"{label}: the last date {to:yyyy-MM-dd} is before the first date {from:yyyy-MM-dd}.");
            switch (claim.Form)
            {
                case ClaimForm.Pharmacy when string.IsNullOrWhiteSpace(line.Ndc):
                    Add($"{at}.ndc", $"{label}: enter the 11-digit NDC of the drug dispensed.");
                    break;
                case ClaimForm.Professional when string.IsNullOrWhiteSpace(line.ProcedureCode) && string.IsNullOrWhiteSpace(line.Ndc):
                    Add($"{at}.procedureCode", $"{label}: enter the CPT or HCPCS code (CMS-1500 box 24D).");
                    break;
                case ClaimForm.Institutional when string.IsNullOrWhiteSpace(line.RevenueCode) && string.IsNullOrWhiteSpace(line.ProcedureCode):
                    Add($"{at}.revenueCode", $"{label}: enter the revenue code, or a CPT or HCPCS code.");
                    break;
            }
            if (line.Units <= 0 || line.Units > 99_999) Add($"{at}.units", $"{label}: enter the units (or quantity) billed, a number from 1 to 99999.");
            if (line.Modifiers.Count > 4) Add($"{at}.modifiers", $"{label}: at most four modifiers.");
            if (line.Modifiers.Any(m => m.Length != 2 || !m.All(char.IsAsciiLetterOrDigit)))
                Add($"{at}.modifiers", $"{label}: each modifier is two letters or digits, for example 26 or TC.");
            foreach (var (field, value) in new[]
                     {
                         ("procedureCode", line.ProcedureCode), ("revenueCode", line.RevenueCode), ("ndc", line.Ndc), ("placeOfService", line.PlaceOfService),
                         ("priorAuthorization", line.PriorAuthorization), ("renderingNpi", line.RenderingNpi), ("referringNpi", line.ReferringNpi),
                     })
                if (value is { Length: > MaxFieldLength }) Add($"{at}.{field}", $"{label}: at most {MaxFieldLength} characters.");
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static string Shown(string? npi) => string.IsNullOrWhiteSpace(npi) ? "none entered" : npi.Trim();

    private sealed record SarRead(Guid Id, Guid ChildId, string Number);
}
