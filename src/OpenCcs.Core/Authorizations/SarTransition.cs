namespace OpenCcs.Core.Authorizations;

/// <summary>One step in a SAR's history: who moved it, when, from what to what, and why.</summary>
public sealed record SarTransition(SarStatus From, SarStatus To, DateTime At, string ActorId, string? Reason);
