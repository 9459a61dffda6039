namespace OpenCcs.Data.Documents;

/// <summary>
/// The first answer to a request sent with an <c>Idempotency-Key</c>: a retry with the same key gets the same
/// answer and creates nothing new; the same key with a different request is refused.
/// </summary>
public sealed class IdempotentRequest
{
    public required string UserId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the request body, to tell a true retry from a reused key.</summary>
    public required string RequestHash { get; init; }

    public required string ResourceId { get; init; }

    public required int StatusCode { get; init; }

    public required DateTime CreatedAt { get; init; }
}
