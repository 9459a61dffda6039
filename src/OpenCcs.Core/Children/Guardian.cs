using OpenCcs.Core.Common;

namespace OpenCcs.Core.Children;

/// <summary>A parent, legal guardian or caregiver; <see cref="AccountId"/> links them to a family sign-in.</summary>
public sealed class Guardian
{
    private Guardian() { }

    internal Guardian(PersonName name, string relationship, string? phone, string? accountId, PostalAddress? address)
    {
        if (string.IsNullOrWhiteSpace(relationship))
            throw new DomainRuleException("guardian.relationship-required", "Say how the guardian is related to the child.");
        Name = name;
        Relationship = relationship.Trim();
        Phone = phone;
        AccountId = accountId;
        Address = address;
    }

    public int Id { get; private set; }

    public PersonName Name { get; private set; } = null!;

    public string Relationship { get; private set; } = "";

    public string? Phone { get; private set; }

    public string? AccountId { get; private set; }

    /// <summary>Where the family's letters are mailed; null until known, and then notices wait for county staff to address them.</summary>
    public PostalAddress? Address { get; private set; }

    internal void MoveTo(PostalAddress address) => Address = address;
}
