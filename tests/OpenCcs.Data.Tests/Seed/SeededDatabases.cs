using Microsoft.Extensions.Time.Testing;
using OpenCcs.Data.Seed;
using OpenCcs.Data.Tests.Support;
using OpenCcs.Testing;

namespace OpenCcs.Data.Tests.Seed;

/// <summary>One database per provider seeded once with the demo data, shared by tests that only read it.</summary>
public sealed class SeededDatabases : IAsyncLifetime
{
    /// <summary>The seed clock: the same Monday afternoon the test app uses.</summary>
    public static readonly DateTimeOffset Now = CcsApp.Now;

    private readonly Dictionary<TestDatabase, Task<(FreshDatabase, SeedSummary)>> _seeded = [];
    private readonly Lock _lock = new();

    public async Task<FreshDatabase> On(TestDatabase provider) => (await Seeded(provider)).Database;

    public async Task<SeedSummary> SummaryOn(TestDatabase provider) => (await Seeded(provider)).Summary;

    /// <summary>A new, migrated database seeded on the seed clock.</summary>
    public static async Task<(FreshDatabase Database, SeedSummary Summary)> SeedAsync(TestDatabase provider, int seed = 2026)
    {
        var database = await FreshDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var summary = await new DemoSeed(db, new FakeTimeProvider(Now)).RunAsync(seed);
        return (database, summary);
    }

    private Task<(FreshDatabase Database, SeedSummary Summary)> Seeded(TestDatabase provider)
    {
        lock (_lock)
        {
            if (!_seeded.TryGetValue(provider, out var seeded))
                _seeded[provider] = seeded = SeedAsync(provider);
            return seeded;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var seeded in _seeded.Values)
            await (await seeded).Item1.DisposeAsync();
    }
}
