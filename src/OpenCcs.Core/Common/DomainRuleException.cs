namespace OpenCcs.Core.Common;

/// <summary>
/// A request that the program's rules refuse. <see cref="Rule"/> is a stable identifier tests and
/// clients can rely on; the message says, in plain words, what is wrong and what to do.
/// </summary>
public sealed class DomainRuleException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}
