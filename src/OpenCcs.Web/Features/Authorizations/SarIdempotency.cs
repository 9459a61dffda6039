using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data;
using OpenCcs.Data.Documents;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>
/// A retried submission with the same <c>Idempotency-Key</c> gets the first answer and creates nothing new; the same
/// key with a different request is refused. Keys are per user.
/// </summary>
public sealed class SarIdempotency(CcsDbContext db, CurrentUser user)
{
    /// <summary>As long as <see cref="IdempotentRequest.Key"/> may be stored.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>The key as stored (trimmed; null when none was sent) and the request's hash, or the error for a key too long.</summary>
    public static (string? Key, string Hash, SubmitSarOutcome? Invalid) Read(string? idempotencyKey, SarSubmission input, IReadOnlyList<SarFileInput> files)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > MaxKeyLength })
            return (null, "", new SubmitSarOutcome.Invalid(new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"An Idempotency-Key may be at most {MaxKeyLength} characters; a UUID is a good key."] }));
        return (key, key is null ? "" : Hash(input, files), null);
    }

    /// <summary>The first answer to this key, or null when the key is new.</summary>
    public async Task<SubmitSarOutcome?> ReplayAsync(string key, string hash, Func<Sar, SarReceipt> receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == user.Id && r.Key == key, cancellationToken);
        if (earlier is null) return null;
        if (earlier.RequestHash != hash)
            return new SubmitSarOutcome.KeyReused($"The Idempotency-Key {key} was already used for a different request (SAR {earlier.ResourceId}). Use a new key for a new request.");
        var number = SarNumber.Parse(earlier.ResourceId);
        var sar = await db.Sars.AsNoTracking().SingleAsync(s => s.Number == number, cancellationToken);
        return new SubmitSarOutcome.Accepted(receipt(sar), Replayed: true);
    }

    /// <summary>
    /// Remembers the answer in the submission's own SaveChanges (on the context that stores the SAR), so the SAR and its
    /// key commit together. A second submission with the same key and user in flight fails there on the unique index.
    /// </summary>
    public static void Remember(CcsDbContext db, string userId, string key, string hash, SarNumber number, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.IdempotentRequests.Add(new IdempotentRequest
        {
            UserId = userId, Key = key, RequestHash = hash, ResourceId = number.Value, StatusCode = StatusCodes.Status201Created,
            CreatedAt = at,
        });
    }

    private static string Hash(SarSubmission input, IReadOnlyList<SarFileInput> files)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { input, files = files.Select(f => new { f.FileName, f.ContentType, f.SizeBytes, Content = f.Content is null ? null : Convert.ToHexString(SHA256.HashData(f.Content)) }) });
        return Convert.ToHexString(SHA256.HashData(body));
    }
}
