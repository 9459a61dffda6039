using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Children;

/// <summary>A child or young adult known to the program, with the guardians who act for them.</summary>
public sealed class Child : AggregateRoot
{
    /// <summary>CCS serves children and young adults under 21 (H&amp;S Code §123805).</summary>
    public const int AgeLimit = 21;

    private readonly List<Guardian> _guardians = [];
    private readonly List<CinAssignment> _cinHistory = [];

    private Child() { }

    public PersonName Name { get; private set; } = null!;

    public DateOnly DateOfBirth { get; private set; }

    /// <summary>The current Medi-Cal CIN when the child has one; children without Medi-Cal may not.</summary>
    public Cin? Cin { get; private set; }

    /// <summary>Every CIN the child has had, oldest first; the last one is <see cref="Cin"/>.</summary>
    public IReadOnlyList<CinAssignment> CinHistory => _cinHistory.OrderBy(c => c.From ?? DateOnly.MinValue).ToList();

    public CountyCode CountyOfResidence { get; private set; }

    public Language Language { get; private set; }

    // Guardians keep the order they were added in (their key grows), whatever order the database returns.
    public IReadOnlyList<Guardian> Guardians => _guardians.OrderBy(g => g.Id == 0 ? int.MaxValue : g.Id).ToList();

    public static Child Register(PersonName name, DateOnly dateOfBirth, Cin? cin, CountyCode county, Language language, DateTime utcNow)
    {
        if (county.IsEmpty) throw new DomainRuleException("child.county-required", "A child's county of residence is required.");
        if (dateOfBirth > DateOnly.FromDateTime(utcNow))
            throw new DomainRuleException("child.birth-in-future", $"Date of birth {dateOfBirth:yyyy-MM-dd} is in the future.");
        var child = new Child { Name = name, DateOfBirth = dateOfBirth, CountyOfResidence = county, Language = language };
        if (cin is { IsEmpty: false } first)
        {
            // A CIN known at registration covers every earlier date: the child had it before the program knew them.
            child._cinHistory.Add(new CinAssignment(first, from: null));
            child.Cin = first;
        }
        child.Created(utcNow);
        return child;
    }

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        if (date < DateOfBirth.AddYears(age)) age--;
        return age;
    }

    public bool IsUnderAgeLimitOn(DateOnly date) => AgeOn(date) < AgeLimit;

    public Guardian AddGuardian(PersonName name, string relationship, string? phone, string? accountId, DateTime utcNow, PostalAddress? address = null)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        if (accountId is not null && _guardians.Any(g => g.AccountId == accountId))
            throw new DomainRuleException("child.guardian-duplicate", "This account is already a guardian of the child.");
        var guardian = new Guardian(name, relationship, phone, accountId, address);
        _guardians.Add(guardian);
        Touch(utcNow);
        return guardian;
    }

    /// <summary>Records a guardian's new mailing address; later notices are mailed there.</summary>
    public void ChangeGuardianAddress(Guardian guardian, PostalAddress address, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(guardian);
        ArgumentNullException.ThrowIfNull(address);
        Utc.Require(utcNow); // refuse a local time before changing anything
        if (!_guardians.Contains(guardian))
            throw new DomainRuleException("child.guardian-unknown", "That person is not one of the child's guardians.");
        guardian.MoveTo(address);
        Touch(utcNow);
    }

    /// <summary>Where the family's notices go: the first guardian with an address, or null when none has one.</summary>
    public Guardian? NoticeRecipient() => Guardians.FirstOrDefault(g => g.Address is not null);

    public bool IsGuardedBy(string accountId) => _guardians.Any(g => g.AccountId == accountId);

    /// <summary>
    /// Records the child's new CIN from <paramref name="effectiveFrom"/>: the current CIN then covered up to the day
    /// before. Claims are checked against the CIN that covered the date of service (DOMAIN.md §9, rule 1).
    /// </summary>
    public void AssignCin(Cin cin, DateOnly effectiveFrom, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        if (cin.IsEmpty) throw new DomainRuleException("child.cin-required", "Enter the child's new CIN: 9 characters, a 9, seven digits and a letter.");
        var current = _cinHistory.SingleOrDefault(c => c.IsCurrent);
        if (current is not null && current.Cin == cin)
            throw new DomainRuleException("child.cin-unchanged",
                $"CIN {cin} is already the child's current CIN{Since(current)}. Nothing was changed.");
        if (_cinHistory.SingleOrDefault(c => c.Cin == cin) is { } former)
            throw new DomainRuleException("child.cin-replaced-before",
                $"CIN {cin} was the child's CIN until {former.To:yyyy-MM-dd} and has been replaced. A replaced CIN is kept in the history as it was; enter the CIN the child holds now.");
        if (effectiveFrom > DateOnly.FromDateTime(utcNow))
            throw new DomainRuleException("child.cin-effective-in-future",
                $"The new CIN takes effect on {effectiveFrom:yyyy-MM-dd}, which is in the future. Record it on or after that date.");
        if (effectiveFrom < DateOfBirth)
            throw new DomainRuleException("child.cin-before-birth",
                $"The new CIN cannot take effect on {effectiveFrom:yyyy-MM-dd}, before the child's date of birth {DateOfBirth:yyyy-MM-dd}.");
        if (current?.From is { } start && effectiveFrom <= start)
            throw new DomainRuleException("child.cin-starts-before-current",
                $"The new CIN must take effect after {start:yyyy-MM-dd}, the day CIN {current.Cin} took effect; {effectiveFrom:yyyy-MM-dd} is not.");
        current?.EndOn(effectiveFrom.AddDays(-1));
        _cinHistory.Add(new CinAssignment(cin, effectiveFrom));
        Cin = cin;
        Touch(utcNow);
    }

    /// <summary>The CIN that covered <paramref name="date"/>, or null when the child had none then.</summary>
    public Cin? CinOn(DateOnly date) => _cinHistory.FirstOrDefault(c => c.Covers(date))?.Cin;

    private static string Since(CinAssignment assignment) => assignment.From is { } from ? $" (since {from:yyyy-MM-dd})" : "";

    public void MoveTo(CountyCode county, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        CountyOfResidence = county;
        Touch(utcNow);
    }

    public void PreferLanguage(Language language, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        Language = language;
        Touch(utcNow);
    }
}
