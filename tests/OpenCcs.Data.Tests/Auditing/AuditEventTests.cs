using Microsoft.EntityFrameworkCore;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Auditing;

/// <summary>The audit trail is append-only: an event can be added, never changed or removed.</summary>
public sealed class AuditEventTests
{
    private const string AppendOnly = "Audit events are append-only: they can be added, never changed or removed.";

    [Theory, OnBothDatabases]
    public async Task An_audit_event_is_added_and_read_back(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var childId = Guid.NewGuid();
        await database.AddAsync(Event(childId));

        await using var db = database.NewContext();
        var saved = await db.AuditEvents.SingleAsync();

        Assert.Equal(
            (TestClock.Now, "user-1", "nurse@demo.openccs.org", "county-nurse", AuditAction.Read, AuditOutcome.Allowed, "Child", childId.ToString(), (Guid?)childId, "request-1"),
            (saved.At, saved.UserId, saved.UserName, saved.Role, saved.Action, saved.Outcome, saved.RecordType, saved.RecordId, saved.ChildId, saved.RequestId));
        Assert.True(saved.Id > 0);
    }

    [Theory, OnBothDatabases]
    public async Task Changing_an_audit_event_is_refused_before_the_database_is_touched(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        await database.AddAsync(Event(Guid.NewGuid()));
        var commands = new CommandCounter();
        await using var db = database.NewContext(commands);
        var saved = await db.AuditEvents.SingleAsync();
        db.Entry(saved).Property(a => a.Outcome).CurrentValue = AuditOutcome.Denied;
        commands.Reset();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Equal(AppendOnly, refusal.Message);
        Assert.Equal(0, commands.Count);
        Assert.Equal(AuditOutcome.Allowed, await Outcome(database));
    }

    [Theory, OnBothDatabases]
    public async Task Deleting_an_audit_event_is_refused_before_the_database_is_touched(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        await database.AddAsync(Event(Guid.NewGuid()));
        var commands = new CommandCounter();
        await using var db = database.NewContext(commands);
        db.AuditEvents.Remove(await db.AuditEvents.SingleAsync());
        commands.Reset();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Equal(AppendOnly, refusal.Message);
        Assert.Equal(0, commands.Count);
        await using var check = database.NewContext();
        Assert.Equal(1, await check.AuditEvents.CountAsync());
    }

    [Theory, OnBothDatabases]
    public async Task A_save_that_would_change_an_audit_event_saves_nothing_else_either(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        await database.AddAsync(Event(Guid.NewGuid()));
        await using var db = database.NewContext();
        db.Update(await db.AuditEvents.SingleAsync());
        db.AuditEvents.Add(Event(Guid.NewGuid()));
        db.Add(Cast.Create().Organization);

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        await using var check = database.NewContext();
        Assert.Equal(1, await check.AuditEvents.CountAsync());
        Assert.Equal(0, await check.ProviderOrganizations.CountAsync());
    }

    private static async Task<AuditOutcome> Outcome(FreshDatabase database)
    {
        await using var db = database.NewContext();
        return (await db.AuditEvents.SingleAsync()).Outcome;
    }

    private static AuditEvent Event(Guid childId) => new()
    {
        At = TestClock.Now,
        UserId = "user-1",
        UserName = "nurse@demo.openccs.org",
        Role = "county-nurse",
        Action = AuditAction.Read,
        Outcome = AuditOutcome.Allowed,
        RecordType = "Child",
        RecordId = childId.ToString(),
        ChildId = childId,
        RequestId = "request-1",
    };
}
