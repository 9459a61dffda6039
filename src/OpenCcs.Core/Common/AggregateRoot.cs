namespace OpenCcs.Core.Common;

/// <summary>
/// Base of every aggregate: an identity, a version for optimistic concurrency and the time of the last change.
/// Every method that changes an aggregate calls <see cref="Touch"/>, so a change to any part of it
/// (its lines, its history) is saved as a change of the whole and checked against concurrent edits.
/// </summary>
public abstract class AggregateRoot
{
    public Guid Id { get; protected init; } = Guid.NewGuid();

    /// <summary>Incremented on every save; a save whose version is stale is refused.</summary>
    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    protected void Created(DateTime utcNow)
    {
        CreatedAt = Utc.Require(utcNow);
        UpdatedAt = CreatedAt;
    }

    protected void Touch(DateTime utcNow) => UpdatedAt = Utc.Require(utcNow);

    internal void IncrementVersion() => Version++;
}
