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

    private Child() { }

    public PersonName Name { get; private set; } = null!;

    public DateOnly DateOfBirth { get; private set; }

    /// <summary>Medi-Cal CIN when the child has one; children without Medi-Cal may not.</summary>
    public Cin? Cin { get; private set; }

    public CountyCode CountyOfResidence { get; private set; }

    public Language Language { get; private set; }

    // Guardians keep the order they were added in (their key grows), whatever order the database returns.
    public IReadOnlyList<Guardian> Guardians => _guardians.OrderBy(g => g.Id == 0 ? int.MaxValue : g.Id).ToList();

    public static Child Register(PersonName name, DateOnly dateOfBirth, Cin? cin, CountyCode county, Language language, DateTime utcNow)
    {
        if (county.IsEmpty) throw new DomainRuleException("child.county-required", "A child's county of residence is required.");
        if (dateOfBirth > DateOnly.FromDateTime(utcNow))
            throw new DomainRuleException("child.birth-in-future", $"Date of birth {dateOfBirth:yyyy-MM-dd} is in the future.");
        var child = new Child { Name = name, DateOfBirth = dateOfBirth, Cin = cin, CountyOfResidence = county, Language = language };
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

    public void AssignCin(Cin cin, DateTime utcNow)
    {
        Utc.Require(utcNow); // refuse a local time before changing anything
        Cin = cin;
        Touch(utcNow);
    }

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
