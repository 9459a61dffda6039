using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Providers;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;
using OpenCcs.Web.Features.Authorizations;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Authorizations;

/// <summary>
/// Submissions are stored in batches (<see cref="SarSubmissionBatcher"/>): numbers stay distinct and gap-free, every
/// SAR keeps its own audit event, a refusal or a failure touches only its own request. To put chosen requests into one
/// batch, a test holds the county's counter row (a number taken in a transaction it rolls back at the end), so the
/// writer waits on the first request while the others queue behind it.
/// </summary>
public abstract class GroupCommitTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    private SarSubmissionBatcher Batcher => app.Services.GetRequiredService<SarSubmissionBatcher>();

    [Fact]
    public async Task Fifty_concurrent_submissions_in_one_county_get_one_consecutive_range_and_each_its_own_create_audit_event()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var before = await LastSequenceAsync(child.County);
        var auditBefore = await app.LastAuditIdAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.PostAsJsonAsync("/api/v1/sars", Body(child, npi))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<SarNumber>();
        foreach (var response in responses) numbers.Add(await NumberOfAsync(response));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => before + i), numbers.Select(n => n.Sequence).Order());
        Assert.Equal(before + 50, await LastSequenceAsync(child.County));
        var sarIds = (await app.WithDbAsync(db => db.Sars.Where(s => numbers.Contains(s.Number)).Select(s => s.Id).ToListAsync())).Select(id => id.ToString());
        var created = (await app.AuditEventsAfterAsync(auditBefore)).Where(e => e.Action == AuditAction.Create && e.RecordType == "Sar").ToList();
        Assert.Equal(sarIds.Order(), created.Select(e => e.RecordId).Order());
        var providerId = await app.UserIdAsync(DemoAccounts.For(Roles.Provider).Email);
        Assert.All(created, e => Assert.Equal((providerId, Roles.Provider, child.Id), (e.UserId, e.Role, e.ChildId!.Value)));
        Assert.Equal(50, created.Select(e => e.RequestId).Where(id => id.Length > 0).Distinct().Count());
    }

    [Fact]
    public async Task A_submission_the_domain_refuses_in_the_middle_of_a_batch_takes_no_number_and_the_others_are_stored()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var notApproved = (await NumberOfAsync(await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi)))).Value;
        var before = await LastSequenceAsync(child.County);

        var responses = await InOneBatchAsync(child.County, client, null,
            Body(child, npi), Body(child, npi), Body(child, npi) with { ExtendsSarNumber = notApproved }, Body(child, npi));

        var problem = await Responses.AssertProblemAsync(responses[2], HttpStatusCode.BadRequest);
        Assert.Contains("only an approved SAR", problem.GetProperty("errors").GetProperty("extendsSarNumber")[0].GetString());
        Assert.Equal(before + 2, (await NumberOfAsync(responses[1])).Sequence);
        Assert.Equal(before + 3, (await NumberOfAsync(responses[3])).Sequence);
        Assert.Equal(before + 3, await LastSequenceAsync(child.County));
    }

    [Fact]
    public async Task Submissions_for_two_counties_in_one_batch_each_take_their_own_countys_next_numbers()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var (other, _) = await ChildWithOpenCaseAsync(notIn: child.County);
        var client = await app.ApiClientFor(Roles.Provider);
        var (before, otherBefore) = (await LastSequenceAsync(child.County), await LastSequenceAsync(other.County));

        var responses = await InOneBatchAsync(child.County, client, null, Body(child, npi), Body(other, npi), Body(child, npi), Body(other, npi));

        var numbers = new List<SarNumber>();
        foreach (var response in responses) numbers.Add(await NumberOfAsync(response));
        Assert.Equal([SarNumber.Create(child.County, before + 1), SarNumber.Create(other.County, otherBefore + 1),
            SarNumber.Create(child.County, before + 2), SarNumber.Create(other.County, otherBefore + 2)], numbers);
        Assert.Equal((before + 2, otherBefore + 2), (await LastSequenceAsync(child.County), await LastSequenceAsync(other.County)));
    }

    [Fact]
    public async Task A_duplicate_idempotency_key_sent_concurrently_creates_one_sar_and_every_caller_gets_the_same_receipt()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var key = Guid.NewGuid().ToString();
        var sarsBefore = await SarCountAsync(child.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostWithKeyAsync(client, Body(child, npi), key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var receipts = new List<string>();
        foreach (var response in responses) receipts.Add(await response.Content.ReadAsStringAsync());
        Assert.Single(receipts.Distinct());
        Assert.Equal(sarsBefore + 1, await SarCountAsync(child.Id));
    }

    [Fact]
    public async Task When_one_submission_of_a_batch_fails_to_save_the_others_are_stored_one_by_one_with_gap_free_numbers()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var key = Guid.NewGuid().ToString();
        var before = await LastSequenceAsync(child.County);
        var auditBefore = await app.LastAuditIdAsync();

        // The second request with the key is in the same batch as the first, so only saving can catch it.
        var responses = await InOneBatchAsync(child.County, client, null, Body(child, npi), (Body(child, npi), key), Body(child, npi), (Body(child, npi), key));

        var numbers = new List<long>();
        foreach (var response in responses) numbers.Add((await NumberOfAsync(response)).Sequence);
        Assert.Equal([before + 1, before + 2, before + 3, before + 2], numbers);
        Assert.Equal(await responses[1].Content.ReadAsStringAsync(), await responses[3].Content.ReadAsStringAsync());
        Assert.Equal(before + 3, await LastSequenceAsync(child.County));
        var created = (await app.AuditEventsAfterAsync(auditBefore)).Count(e => e.Action == AuditAction.Create && e.RecordType == "Sar");
        Assert.Equal(3, created);
    }

    [Fact]
    public async Task A_submission_cancelled_while_it_waits_in_the_queue_is_not_stored_and_takes_no_number()
    {
        var (child, npi) = await ChildWithOpenCaseAsync();
        var client = await app.ApiClientFor(Roles.Provider);
        var key = Guid.NewGuid().ToString();
        var before = await LastSequenceAsync(child.County);
        using var cancel = new CancellationTokenSource();

        var responses = await InOneBatchAsync(child.County, client, cancel, Body(child, npi), (Body(child, npi), key));
        var next = await client.PostAsJsonAsync("/api/v1/sars", Body(child, npi));

        Assert.Equal(before + 1, (await NumberOfAsync(responses[0])).Sequence);
        Assert.Equal(before + 2, (await NumberOfAsync(next)).Sequence);
        Assert.False(await app.WithDbAsync(db => db.IdempotentRequests.AnyAsync(r => r.Key == key)));
    }

    /// <summary>
    /// Holds the county's counter row, sends the first submission (the writer takes it and waits on the row), queues the
    /// others in order behind it, then lets go: the others are one batch. With <paramref name="cancelLast"/>, the last
    /// one is cancelled while it waits, and only the other answers are returned.
    /// </summary>
    private async Task<HttpResponseMessage[]> InOneBatchAsync(CountyCode county, HttpClient client, CancellationTokenSource? cancelLast, params object[] bodies)
    {
        var sent = new List<Task<HttpResponseMessage>>();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcsDbContext>();
            await using var hold = await db.Database.BeginTransactionAsync();
            await db.NextSequenceAsync(county.Value);
            var taken = Batcher.Taken;
            sent.Add(Send(client, bodies[0]));
            await UntilAsync(() => Batcher.Taken == taken + 1);
            foreach (var (body, i) in bodies.Select((b, i) => (b, i)).Skip(1))
            {
                var waiting = Batcher.Waiting;
                var last = i == bodies.Length - 1 && cancelLast is not null;
                var response = Send(client, body, last ? cancelLast!.Token : default);
                await UntilAsync(() => Batcher.Waiting == waiting + 1);
                if (last)
                {
                    await cancelLast!.CancelAsync();
                    await Assert.ThrowsAnyAsync<OperationCanceledException>(() => response);
                }
                else
                {
                    sent.Add(response);
                }
            }
            await hold.RollbackAsync();
        }
        return await Task.WhenAll(sent).WaitAsync(TimeSpan.FromSeconds(60)); // a request left unanswered fails the test, not the run
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, object body, CancellationToken cancellationToken = default) => body switch
    {
        (SarSubmissionBody withKey, string key) => PostWithKeyAsync(client, withKey, key, cancellationToken),
        _ => client.PostAsJsonAsync("/api/v1/sars", Body(body), cancellationToken),
    };

    private static SarSubmissionBody Body(object body) => body is (SarSubmissionBody withKey, string) ? withKey : (SarSubmissionBody)body;

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The submissions did not reach the writer in time.");
            await Task.Delay(5);
        }
    }

    private static async Task<SarNumber> NumberOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return SarNumber.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
    }

    private static SarSubmissionBody Body(TestChild child, string npi) => new(
        FormType: "EstablishedClient", ClientId: child.Cin, DateOfBirth: child.DateOfBirth.ToString("yyyy-MM-dd"), RequestingProviderNpi: npi,
        DiagnosisCode: "Q21.0", Lines: [new SarLineInput("Cpt", "93306", "Echocardiogram, complete", "2026-12-01", "2027-02-28", 2, "once a month")]);

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, SarSubmissionBody body, string key, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sars") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, cancellationToken);
    }

    /// <summary>A child with a CIN and an open case, and a physician of the demo provider's organisation paneled today.</summary>
    private Task<(TestChild Child, string Npi)> ChildWithOpenCaseAsync(CountyCode? notIn = null) => app.WithDbAsync(async db =>
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Cin != null && db.Cases.Any(k => k.ChildId == c.Id && k.Status == CaseStatus.Open))
            .Where(c => notIn == null || c.CountyOfResidence != notIn).OrderBy(c => c.Id).FirstAsync();
        var org = await db.ProviderOrganizations.Where(o => o.Name == ScopedRecords.ProviderOrganization).Select(o => o.Id).SingleAsync();
        var providers = await db.Providers.AsNoTracking().Where(p => p.OrganizationId == org && p.Type == ProviderType.Physician).ToListAsync();
        var npi = providers.First(p => p.IsAuthorizedOn(new DateOnly(2026, 11, 23))).Npi.Value;
        return (new TestChild(child.Id, child.Cin!.Value.Value, child.DateOfBirth, child.CountyOfResidence), npi);
    });

    private Task<long> LastSequenceAsync(CountyCode county) =>
        app.WithDbAsync(async db => await db.SarNumberCounters.Where(c => c.CountyCode == county.Value).Select(c => (long?)c.LastSequence).SingleOrDefaultAsync() ?? 0);

    private Task<int> SarCountAsync(Guid childId) => app.WithDbAsync(db => db.Sars.CountAsync(s => s.ChildId == childId));

    private sealed record TestChild(Guid Id, string Cin, DateOnly DateOfBirth, CountyCode County);
}

public sealed class GroupCommitOnSqlite(SqliteApp app) : GroupCommitTests<SqliteApp>(app);

public sealed class GroupCommitOnPostgres(PostgresApp app) : GroupCommitTests<PostgresApp>(app);
