using OpenCcs.Core.Common;

namespace OpenCcs.Core.Tests.Common;

internal static class Rules
{
    /// <summary>Asserts the action is refused under the stable rule id and returns the refusal so its message can be checked.</summary>
    public static DomainRuleException Refused(string rule, Action action)
    {
        var error = Assert.Throws<DomainRuleException>(action);
        Assert.Equal(rule, error.Rule);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }
}
