using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data;
using OpenCcs.Web.Infrastructure;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>
/// A checked submission waiting for its number: <see cref="Build"/> makes the SAR with the number it is given (the
/// domain may refuse it with a <see cref="DomainRuleException"/>), <see cref="Add"/> adds it and everything stored
/// with it to the batch's context. Both may run twice (the batch, then alone), so each call makes new objects.
/// </summary>
public sealed record SarDraft(CountyCode County, Func<SarNumber, Sar> Build, Action<CcsDbContext, Sar> Add);

/// <summary>
/// Group commit for SAR submissions (see <see cref="GroupCommitWriter{TItem, TResult}"/>). A county's counter row is
/// locked from taking a number to COMMIT, so storing one submission per transaction let a county commit once per WAL
/// flush. Here the submissions waiting are numbered with one upsert per county, saved once and committed once. Numbers
/// stay gap-free: a submission the domain refuses takes none, and a batch that fails is rolled back whole and redone one
/// submission per transaction, so only the one at fault fails.
/// </summary>
public sealed class SarSubmissionBatcher(IServiceScopeFactory scopes, ILogger<SarSubmissionBatcher> log) : GroupCommitWriter<SarDraft, Sar>(log)
{
    protected override string ItemsName => "SAR submissions";

    /// <summary>
    /// Stores the draft in the next batch and returns the SAR as committed; throws the domain's refusal or the failure to
    /// save. Cancelled while still queued, the submission is dropped; once taken it is stored whole and answered.
    /// </summary>
    public Task<Sar> StoreAsync(SarDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return EnqueueAsync(draft, cancellationToken);
    }

    protected override async Task<Outcome[]> StoreTogetherAsync(IReadOnlyList<SarDraft> items)
    {
        var cancellationToken = CancellationToken.None; // once taken, a submission is stored whole and answered
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false; // one SaveChanges: on failure the whole batch rolls back
        var stored = new Outcome[items.Count];
        // Counties in code order, so writers on several web nodes lock counter rows in the same order.
        foreach (var county in Enumerable.Range(0, items.Count).GroupBy(i => items[i].County.Value).OrderBy(g => g.Key))
        {
            var count = county.Count();
            var last = await db.NextSequencesAsync(county.Key, count, cancellationToken);
            var next = last - count + 1;
            foreach (var i in county)
            {
                var draft = items[i];
                Sar sar;
                try
                {
                    sar = draft.Build(SarNumber.Create(draft.County, next));
                }
                catch (DomainRuleException refused)
                {
                    stored[i] = Outcome.Refusal(refused); // takes no number: the next submission gets this one
                    continue;
                }
                draft.Add(db, sar);
                stored[i] = Outcome.Stored(sar);
                next++;
            }
            if (next <= last) await db.GiveBackSequencesAsync(county.Key, (int)(last - next + 1), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }
}
