using OpenCcs.Core.Common;

namespace OpenCcs.Core.Providers;

/// <summary>A practice, hospital or pharmacy: the scope a provider user works in.</summary>
public sealed class ProviderOrganization : AggregateRoot
{
    private ProviderOrganization() { }

    public string Name { get; private set; } = "";

    public static ProviderOrganization Create(string name, DateTime utcNow)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("organization.name-required", "An organisation needs a name.");
        var org = new ProviderOrganization { Name = name.Trim() };
        org.Created(utcNow);
        return org;
    }
}
