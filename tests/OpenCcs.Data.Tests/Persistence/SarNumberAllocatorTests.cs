using Microsoft.EntityFrameworkCore;
using OpenCcs.Data.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Persistence;

/// <summary>
/// A county's SAR sequences are taken in blocks for a batch of submissions: consecutive, distinct, and gap-free
/// because whatever is not used (a refused submission, a rolled-back batch) goes back to the counter.
/// </summary>
public sealed class SarNumberAllocatorTests
{
    private const int County = 19;

    [Theory, OnBothDatabases]
    public async Task A_block_is_consecutive_and_the_unused_tail_given_back_goes_to_the_next_submission(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);

        var last = await InTransactionAsync(database, async db =>
        {
            var taken = await db.NextSequencesAsync(County, 5);
            await db.GiveBackSequencesAsync(County, 2);
            return taken;
        }, commit: true);
        var next = await InTransactionAsync(database, db => db.NextSequenceAsync(County), commit: true);

        Assert.Equal(5, last);
        Assert.Equal(4, next);
    }

    [Theory, OnBothDatabases]
    public async Task A_rolled_back_block_gives_every_number_back(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        await InTransactionAsync(database, db => db.NextSequencesAsync(County, 3), commit: true);

        var rolledBack = await InTransactionAsync(database, db => db.NextSequencesAsync(County, 4), commit: false);
        var next = await InTransactionAsync(database, db => db.NextSequenceAsync(County), commit: true);

        Assert.Equal(7, rolledBack);
        Assert.Equal(4, next);
    }

    [Theory, OnBothDatabases]
    public async Task Sequences_are_taken_only_inside_the_transaction_that_stores_the_sars(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.NextSequencesAsync(County, 2));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.GiveBackSequencesAsync(County, 1));
    }

    private static async Task<long> InTransactionAsync(FreshDatabase database, Func<CcsDbContext, Task<long>> work, bool commit)
    {
        await using var db = database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await work(db);
        if (commit) await transaction.CommitAsync();
        return result;
    }
}
