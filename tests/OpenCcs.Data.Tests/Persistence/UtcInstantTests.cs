using Microsoft.EntityFrameworkCore;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Persistence;

/// <summary>
/// Instants are stored in UTC and compare as time does on both databases. SQLite has no instant type,
/// so they are fixed-width text there; these values would sort wrongly as naive or local-time text.
/// </summary>
public sealed class UtcInstantTests
{
    private static readonly TimeSpan Pacific = TimeSpan.FromHours(-8);
    private static readonly TimeSpan PacificDaylight = TimeSpan.FromHours(-7);

    /// <summary>In chronological order; inserted shuffled.</summary>
    private static readonly DateTime[] Chronological =
    [
        Utc(2025, 12, 31, 23, 59, 59).AddTicks(9_999_990),
        Utc(2026, 1, 1, 0, 0, 0),
        Utc(2026, 3, 1, 9, 0, 0),
        Utc(2026, 3, 1, 10, 0, 0),
        Utc(2026, 3, 1, 10, 0, 0).AddMicroseconds(1),
        Utc(2026, 3, 1, 10, 0, 0).AddMilliseconds(250),
        Utc(2026, 3, 1, 10, 0, 0).AddMilliseconds(500),
        Utc(2026, 3, 1, 10, 0, 1),
        // Noon in California, then 5 pm the same California day, which is already 2 March in UTC.
        new DateTimeOffset(2026, 3, 1, 12, 0, 0, Pacific).UtcDateTime,
        new DateTimeOffset(2026, 3, 1, 17, 0, 0, Pacific).UtcDateTime,
        Utc(2026, 10, 9, 8, 0, 0),
        Utc(2026, 10, 10, 8, 0, 0),
        // 1:30 am happens twice on the night daylight saving time ends; in UTC they are an hour apart.
        new DateTimeOffset(2026, 11, 1, 1, 30, 0, PacificDaylight).UtcDateTime,
        new DateTimeOffset(2026, 11, 1, 1, 30, 0, Pacific).UtcDateTime,
    ];

    private static readonly DateTime Cutoff = Utc(2026, 3, 1, 10, 0, 0);

    [Theory, OnBothDatabases]
    public async Task Sars_sort_by_when_they_were_received(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        await database.AddAsync(Shuffled().Select((at, i) => (object)cast.SubmitSar(i + 1, at)).ToArray());

        await using var db = database.NewContext();
        var ascending = await db.Sars.OrderBy(s => s.ReceivedAt).Select(s => s.ReceivedAt).ToListAsync();
        var descending = await db.Sars.OrderByDescending(s => s.ReceivedAt).Select(s => s.ReceivedAt).ToListAsync();

        Assert.Equal(Chronological, ascending);
        Assert.Equal(Chronological.Reverse(), descending);
    }

    [Theory, OnBothDatabases]
    public async Task Sars_received_on_or_after_an_instant_are_found_by_comparison(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        await database.AddAsync(Shuffled().Select((at, i) => (object)cast.SubmitSar(i + 1, at)).ToArray());

        await using var db = database.NewContext();
        var onOrAfter = await db.Sars.Where(s => s.ReceivedAt >= Cutoff).OrderBy(s => s.ReceivedAt).Select(s => s.ReceivedAt).ToListAsync();
        var before = await db.Sars.CountAsync(s => s.ReceivedAt < Cutoff);

        Assert.Equal(Chronological.Where(at => at >= Cutoff), onOrAfter);
        Assert.Equal(Cutoff, onOrAfter[0]);
        Assert.Equal(3, before);
    }

    [Theory, OnBothDatabases]
    public async Task Audit_events_sort_and_filter_by_when_they_happened(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        await database.AddAsync(Shuffled().Select(at => (object)AuditAt(at)).ToArray());

        await using var db = database.NewContext();
        var ascending = await db.AuditEvents.OrderBy(a => a.At).Select(a => a.At).ToListAsync();
        var onOrAfter = await db.AuditEvents.Where(a => a.At >= Cutoff).OrderBy(a => a.At).Select(a => a.At).ToListAsync();
        var latest = await db.AuditEvents.MaxAsync(a => a.At);

        Assert.Equal(Chronological, ascending);
        Assert.Equal(Chronological.Where(at => at >= Cutoff), onOrAfter);
        Assert.Equal(Chronological[^1], latest);
    }

    [Theory, OnBothDatabases]
    public async Task Instants_come_back_as_utc_and_as_stored(TestDatabase provider)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        var cast = await Cast.SavedInAsync(database);
        var receivedAt = Utc(2026, 3, 1, 10, 0, 0).AddTicks(1_234_567);
        var sar = cast.SubmitSar(1, receivedAt);
        sar.BeginReview("nurse-1", receivedAt.AddHours(1));
        sar.Approve("consultant-7", receivedAt.AddDays(2));
        await database.AddAsync(sar, AuditAt(receivedAt));

        await using var db = database.NewContext();
        var loaded = await db.Sars.SingleAsync();
        var audit = await db.AuditEvents.SingleAsync();
        DateTime[] instants = [loaded.ReceivedAt, loaded.DecidedAt!.Value, loaded.CreatedAt, loaded.UpdatedAt, audit.At, .. loaded.History.Select(t => t.At)];

        Assert.All(instants, at => Assert.Equal(DateTimeKind.Utc, at.Kind));
        Assert.Equal(Stored(database, receivedAt), loaded.ReceivedAt);
        Assert.Equal(Stored(database, receivedAt), audit.At);
        Assert.Equal(Stored(database, receivedAt.AddDays(2)), loaded.DecidedAt);
        Assert.Equal(
            [Stored(database, receivedAt), Stored(database, receivedAt.AddHours(1)), Stored(database, receivedAt.AddDays(2))],
            loaded.History.Select(t => t.At));
    }

    [Fact]
    public async Task Sqlite_keeps_every_tick_and_postgres_keeps_every_microsecond()
    {
        var at = Utc(2026, 3, 1, 10, 0, 0).AddTicks(1_234_567);
        await using var sqlite = await FreshDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var postgres = await FreshDatabase.CreateAsync(TestDatabase.Postgres);
        await sqlite.AddAsync(AuditAt(at));
        await postgres.AddAsync(AuditAt(at));

        await using var sqliteDb = sqlite.NewContext();
        await using var postgresDb = postgres.NewContext();

        Assert.Equal(at, (await sqliteDb.AuditEvents.SingleAsync()).At);
        Assert.Equal(Utc(2026, 3, 1, 10, 0, 0).AddTicks(1_234_560), (await postgresDb.AuditEvents.SingleAsync()).At);
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    /// <summary>The instant truncated to what the database keeps (see <see cref="FreshDatabase.InstantPrecision"/>).</summary>
    private static DateTime Stored(FreshDatabase database, DateTime at) =>
        new(at.Ticks - at.Ticks % database.InstantPrecision.Ticks, DateTimeKind.Utc);

    // A fixed shuffle: neither insertion order nor row id may stand in for time.
    private static IEnumerable<DateTime> Shuffled() =>
        Chronological.Select((at, i) => (at, key: (i * 5 + 3) % Chronological.Length)).OrderBy(x => x.key).Select(x => x.at);

    private static AuditEvent AuditAt(DateTime at) => new()
    {
        At = at,
        UserId = "user-1",
        UserName = "nurse@demo.openccs.org",
        Role = "county-nurse",
        Action = AuditAction.Read,
        Outcome = AuditOutcome.Allowed,
        RecordType = "Sar",
        RecordId = "19000000016",
        RequestId = $"request-{at.Ticks}",
    };
}
