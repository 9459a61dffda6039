namespace OpenCcs.Core.Authorizations;

/// <summary>
/// One step in a SAR's history: who moved it, when, from what to what, and why. A step out of
/// "pended for information" may say when the information arrived: the review clock restarts then.
/// </summary>
public sealed record SarTransition(SarStatus From, SarStatus To, DateTime At, string ActorId, string? Reason, DateTime? InformationReceivedAt = null)
{
    /// <summary>1 for the first step, then one more for each; orders steps made in the same instant.</summary>
    public int Step { get; init; }
}
