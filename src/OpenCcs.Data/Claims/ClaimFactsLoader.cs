using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Data.Claims;

/// <summary>
/// Loads what claims refer to (their SARs with the child's CIN and the authorised provider's NPI, and
/// every billing, rendering and referring provider) in a few set-based queries, read-only.
/// </summary>
public sealed class ClaimFactsLoader(CcsDbContext db)
{
    // Numbers go to the database as one array parameter (SQLite json_each, PostgreSQL = ANY): the SQL text is the
    // same for every batch, so EF Core compiles each query once. Expanded IN lists (EF Core 10's default) made a new
    // SQL text, and a new compiled shaper, for nearly every batch of a large file.
    private const int QueryChunk = 5_000;

    public async Task<ClaimFactsCache> LoadForAsync(IReadOnlyCollection<ClaimToCheck> claims, CancellationToken ct = default)
    {
        var cache = new ClaimFactsCache();
        await LoadIntoAsync(cache, claims, ct);
        return cache;
    }

    /// <summary>Adds to <paramref name="cache"/> whatever <paramref name="claims"/> refer to that it does not know yet.</summary>
    public async Task LoadIntoAsync(ClaimFactsCache cache, IReadOnlyCollection<ClaimToCheck> claims, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(claims);
        var sarNumbers = new HashSet<SarNumber>();
        var npis = new HashSet<Npi>();
        foreach (var claim in claims)
        {
            AddSar(claim.PriorAuthorization);
            AddNpi(claim.BillingNpi);
            AddNpi(claim.RenderingNpi);
            AddNpi(claim.ReferringNpi);
            foreach (var line in claim.Lines)
            {
                AddSar(line.PriorAuthorization);
                AddNpi(line.RenderingNpi);
                AddNpi(line.ReferringNpi);
            }
        }

        foreach (var chunk in sarNumbers.Chunk(QueryChunk)) await LoadSarsAsync(cache, chunk, ct);
        foreach (var chunk in npis.Chunk(QueryChunk)) await LoadProvidersAsync(cache, chunk, ct);

        void AddSar(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            var key = ClaimFactsCache.Normalize(text);
            if (cache.KnowsSar(key)) return;
            if (SarNumber.TryParse(key, out var number)) sarNumbers.Add(number);
            else cache.AddSar(key, null); // malformed: the checker reports it, nothing to look up
        }

        void AddNpi(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            var key = ClaimFactsCache.Normalize(text);
            if (cache.KnowsProvider(key)) return;
            if (Npi.TryParse(key, out var npi)) npis.Add(npi);
            else cache.AddProvider(key, null);
        }
    }

    // One flat row per SAR line, joined to the child and the authorised provider, in plain SQL: a single round trip
    // with no EF Core query pipeline per batch (parameter evaluation compiled a delegate on every execution, and
    // finalising those cost more than the query). The numbers travel as one parameter: a JSON array read with
    // json_each on SQLite, a text[] on PostgreSQL. Column names are those of the EF Core model (SarConfiguration).
    private const string SarLinesSql = """
        SELECT s."Number", s."Status", s."Type", c."Cin", p."Npi", s."AuthorizedNicuLevel", s."ScgCode", s."ScgFrom", s."ScgTo",
               l."LineNumber", l."CodeSystem", l."Code", l."Disposition", l."AuthorizedUnits", l."AuthorizedFrom", l."AuthorizedTo",
               l."BrandName", l."Product"
        FROM sars AS s
        JOIN sar_lines AS l ON l."SarId" = s."Id"
        LEFT JOIN children AS c ON c."Id" = s."ChildId"
        LEFT JOIN providers AS p ON p."Id" = s."AuthorizedProviderId"
        WHERE {0}
        ORDER BY s."Number", l."LineNumber"
        """;

    private async Task LoadSarsAsync(ClaimFactsCache cache, SarNumber[] numbers, CancellationToken ct)
    {
        var postgres = db.Provider == DatabaseProvider.Postgres;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, SarLinesSql,
                postgres ? "s.\"Number\" = ANY(@numbers)" : "s.\"Number\" IN (SELECT value FROM json_each(@numbers))");
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@numbers";
            var values = Array.ConvertAll(numbers, n => n.Value);
            parameter.Value = postgres ? values : System.Text.Json.JsonSerializer.Serialize(values);
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            string? current = null;
            SarFacts? head = null;
            var lines = new List<SarLineFacts>(4);
            while (await reader.ReadAsync(ct))
            {
                var number = reader.GetString(0);
                if (number != current)
                {
                    Add(cache, head, lines);
                    current = number;
                    var scg = !reader.IsDBNull(6) && !reader.IsDBNull(7) && !reader.IsDBNull(8)
                        ? new Core.Authorizations.ScgGrant(reader.GetString(6), reader.GetFieldValue<DateOnly>(7), reader.GetFieldValue<DateOnly>(8))
                        : null;
                    // One CIN per child today, so it covers every date of service; CIN history would add periods here.
                    IReadOnlyList<CinPeriod> cins = reader.IsDBNull(3) ? [] : [new CinPeriod(reader.GetString(3), null, null)];
                    head = new SarFacts(
                        number, Enum.Parse<Core.Authorizations.SarStatus>(reader.GetString(1)), EnumOrNull<Core.Authorizations.SarType>(reader, 2),
                        cins, reader.IsDBNull(4) ? null : reader.GetString(4), EnumOrNull<Core.Providers.NicuLevel>(reader, 5), scg, []);
                }

                lines.Add(new SarLineFacts(
                    reader.GetInt32(9),
                    Enum.Parse<Core.Authorizations.ServiceCodeSystem>(reader.GetString(10)),
                    reader.IsDBNull(11) ? null : reader.GetString(11),
                    EnumOrNull<Core.Authorizations.LineDisposition>(reader, 12),
                    reader.IsDBNull(13) ? null : reader.GetInt32(13),
                    reader.IsDBNull(14) ? null : reader.GetFieldValue<DateOnly>(14),
                    reader.IsDBNull(15) ? null : reader.GetFieldValue<DateOnly>(15),
                    reader.GetBoolean(16),
                    EnumOrNull<Core.Authorizations.ProductSpecificItem>(reader, 17)));
            }

            Add(cache, head, lines);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        foreach (var number in numbers)
        {
            if (!cache.KnowsSar(number.Value)) cache.AddSar(number.Value, null);
        }

        static void Add(ClaimFactsCache cache, SarFacts? sar, List<SarLineFacts> lines)
        {
            if (sar is null) return;
            cache.AddSar(sar.Number, sar with { Lines = lines.ToArray() });
            lines.Clear();
        }
    }

    private static T? EnumOrNull<T>(System.Data.Common.DbDataReader reader, int ordinal) where T : struct, Enum =>
        reader.IsDBNull(ordinal) ? null : Enum.Parse<T>(reader.GetString(ordinal));

    private async Task LoadProvidersAsync(ClaimFactsCache cache, Npi[] npis, CancellationToken ct)
    {
        var providers = await db.Providers.AsNoTracking().Where(p => EF.Parameter(npis).Contains(p.Npi)).AsSplitQuery().ToListAsync(ct);
        foreach (var provider in providers)
        {
            var periods = provider.IsFacility ? provider.Approvals.Select(a => a.Period).ToArray() : provider.PanelPeriods.ToArray();
            cache.AddProvider(provider.Npi.Value, new ProviderFacts(provider.Npi.Value, provider.Name, provider.Type, periods));
        }
        foreach (var npi in npis)
        {
            if (!cache.KnowsProvider(npi.Value)) cache.AddProvider(npi.Value, null);
        }
    }
}
