using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Claims;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Data.Claims;

/// <summary>
/// Loads what claims refer to (their SARs with every CIN of the child and the authorised provider's NPI, and
/// every billing, rendering and referring provider) in a few set-based queries, read-only.
/// </summary>
public sealed class ClaimFactsLoader
{
    // Numbers go to the database as one array parameter (SQLite json_each, PostgreSQL = ANY): the SQL text is the
    // same for every batch, so each statement is prepared once. Expanded IN lists made a new SQL text for nearly
    // every batch of a large file.
    private const int QueryChunk = 5_000;

    private readonly CcsDbContext? _db;
    private readonly System.Data.Common.DbConnection? _connection;
    private readonly bool _postgres;
    private readonly System.Data.Common.DbCommand?[] _commands = new System.Data.Common.DbCommand?[2];

    private enum Statement
    {
        Sars,
        Providers,
    }

    /// <summary>Reads through the context's connection (opened and closed around each query).</summary>
    public ClaimFactsLoader(CcsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        _postgres = db.Provider == DatabaseProvider.Postgres;
    }

    private ClaimFactsLoader(System.Data.Common.DbConnection connection, DatabaseProvider provider)
    {
        _connection = connection;
        _postgres = provider == DatabaseProvider.Postgres;
    }

    /// <summary>
    /// For batch runs (<c>ccs claims check</c>): every query goes straight to <paramref name="connection"/> in plain
    /// SQL, with no EF Core model or query pipeline, and its three statements are prepared once and reused. The
    /// connection is opened on first use and left open; the caller owns it.
    /// </summary>
    public static ClaimFactsLoader ForConnection(System.Data.Common.DbConnection connection, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new ClaimFactsLoader(connection, provider);
    }

    public async Task<ClaimFactsCache> LoadForAsync(IReadOnlyCollection<ClaimToCheck> claims, CancellationToken ct = default)
    {
        var cache = new ClaimFactsCache();
        await LoadIntoAsync(cache, claims, ct);
        return cache;
    }

    /// <summary>Adds to <paramref name="cache"/> whatever <paramref name="claims"/> refer to that it does not know yet.</summary>
    public Task LoadIntoAsync(ClaimFactsCache cache, IReadOnlyCollection<ClaimToCheck> claims, CancellationToken ct = default) =>
        LoadAsync(cache, claims, view: null, ct);

    /// <summary>
    /// Like <see cref="LoadIntoAsync"/>, and returns a new cache holding only what <paramref name="claims"/> refer to
    /// (found, or known to be absent), sharing the same facts instances. A run that loads on one thread and checks on
    /// another hands each batch its own view, so the checking thread never reads a dictionary the loader adds to.
    /// </summary>
    public async Task<ClaimFactsCache> LoadViewAsync(ClaimFactsCache cache, IReadOnlyCollection<ClaimToCheck> claims, CancellationToken ct = default)
    {
        var view = new ClaimFactsCache();
        await LoadAsync(cache, claims, view, ct);
        return view;
    }

    /// <summary>
    /// <see cref="LoadViewAsync(ClaimFactsCache, IReadOnlyCollection{ClaimToCheck}, CancellationToken)"/> into a view
    /// the caller hands back once it has checked the batch: it is emptied and refilled, keeping its tables, so a long
    /// run does not build new ones for every batch.
    /// </summary>
    public async Task<ClaimFactsCache> LoadViewAsync(ClaimFactsCache cache, IReadOnlyCollection<ClaimToCheck> claims, ClaimFactsCache reused, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reused);
        reused.Clear();
        await LoadAsync(cache, claims, reused, ct);
        return reused;
    }

    private readonly List<SarRead> _read = [];

    /// <summary>
    /// The SARs read from the database since the last call (each time a SAR's facts are fetched, not when the cache
    /// answers), for the caller to audit: a batch run has no request whose audit would record them.
    /// </summary>
    public IReadOnlyList<SarRead> TakeSarsRead()
    {
        if (_read.Count == 0) return [];
        var read = _read.ToArray();
        _read.Clear();
        return read;
    }

    // The working sets of one load, kept between calls (a loader serves one caller at a time) and emptied each time.
    private readonly HashSet<SarNumber> _sarNumbers = [];
    private readonly HashSet<Npi> _npis = [];
    private readonly HashSet<string> _seenSars = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _seenNpis = new(ReferenceEqualityComparer.Instance);

    private async Task LoadAsync(ClaimFactsCache cache, IReadOnlyCollection<ClaimToCheck> claims, ClaimFactsCache? view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(claims);
        var sarNumbers = _sarNumbers;
        var npis = _npis;
        // A batch names the same few SARs and NPIs over and over, and a reader that pools its strings hands the same
        // instance each time: by identity, each is normalised and looked up once.
        var seenSars = _seenSars;
        var seenNpis = _seenNpis;
        sarNumbers.Clear();
        npis.Clear();
        seenSars.Clear();
        seenNpis.Clear();
        foreach (var claim in claims)
        {
            AddSar(claim.PriorAuthorization);
            AddNpi(claim.BillingNpi);
            AddNpi(claim.RenderingNpi);
            AddNpi(claim.ReferringNpi);
            var lines = claim.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                AddSar(line.PriorAuthorization);
                AddNpi(line.RenderingNpi);
                AddNpi(line.ReferringNpi);
            }
        }

        foreach (var chunk in sarNumbers.Chunk(QueryChunk)) await LoadSarsAsync(cache, chunk, ct);
        foreach (var chunk in npis.Chunk(QueryChunk)) await LoadProvidersAsync(cache, chunk, ct);
        if (view is not null)
        {
            foreach (var number in sarNumbers) view.AddSar(number.Value, cache.FindKnownSar(number.Value));
            foreach (var npi in npis) view.AddProvider(npi.Value, cache.FindKnownProvider(npi.Value));
        }

        void AddSar(string? text)
        {
            if (text is null || !seenSars.Add(text) || string.IsNullOrWhiteSpace(text)) return;
            var key = ClaimFactsCache.Normalize(text);
            if (cache.TryGetSar(key, out var known))
            {
                view?.AddSar(key, known);
                return;
            }

            if (SarNumber.TryParse(key, out var number)) sarNumbers.Add(number);
            else
            {
                cache.AddSar(key, null); // malformed: the checker reports it, nothing to look up
                view?.AddSar(key, null);
            }
        }

        void AddNpi(string? text)
        {
            if (text is null || !seenNpis.Add(text) || string.IsNullOrWhiteSpace(text)) return;
            var key = ClaimFactsCache.Normalize(text);
            if (cache.TryGetProvider(key, out var known))
            {
                view?.AddProvider(key, known);
                return;
            }

            if (Npi.TryParse(key, out var npi)) npis.Add(npi);
            else
            {
                cache.AddProvider(key, null);
                view?.AddProvider(key, null);
            }
        }
    }

    // One statement per batch of SAR numbers, in plain SQL: a single round trip with no EF Core query pipeline
    // (parameter evaluation compiled a delegate on every execution, and finalising those cost more than the query).
    // The SARs are found by number once (the CTE) and give two kinds of row, sorted by number: first every CIN of the
    // SAR's child with the dates it covered (kind 0), then one row per SAR line with the SAR's head and the authorised
    // provider's NPI (kind 1). CINs and lines are not joined to each other, so a child with several CINs does not
    // repeat every line once per CIN. The numbers travel as one parameter: a JSON array read with json_each on SQLite,
    // a text[] on PostgreSQL. Column names are those of the EF Core model (SarConfiguration, ChildConfiguration).
    private const string SarsSql = """
        WITH s AS (
            SELECT "Id", "Number", "Status", "Type", "AuthorizedProviderId", "AuthorizedNicuLevel", "ScgCode", "ScgFrom", "ScgTo", "ChildId"
            FROM sars
            WHERE {0})
        SELECT s."Number", 0 AS "Kind", k."Id" AS "Seq", NULL AS "Status", NULL AS "Type", NULL AS "Npi", NULL AS "AuthorizedNicuLevel",
               NULL AS "ScgCode", NULL AS "ScgFrom", NULL AS "ScgTo", NULL AS "CodeSystem", NULL AS "Code", NULL AS "Disposition",
               NULL AS "AuthorizedUnits", NULL AS "AuthorizedFrom", NULL AS "AuthorizedTo", NULL AS "BrandName", NULL AS "Product",
               NULL AS "Id", NULL AS "ChildId", k."Cin", k."From", k."To"
        FROM s
        JOIN child_cins AS k ON k."ChildId" = s."ChildId"
        UNION ALL
        SELECT s."Number", 1, l."LineNumber", s."Status", s."Type", p."Npi", s."AuthorizedNicuLevel",
               s."ScgCode", s."ScgFrom", s."ScgTo", l."CodeSystem", l."Code", l."Disposition",
               l."AuthorizedUnits", l."AuthorizedFrom", l."AuthorizedTo", l."BrandName", l."Product",
               s."Id", s."ChildId", NULL, NULL, NULL
        FROM s
        JOIN sar_lines AS l ON l."SarId" = s."Id"
        LEFT JOIN providers AS p ON p."Id" = s."AuthorizedProviderId"
        ORDER BY 1, 2, 3
        """;

    // Providers with their panel periods (kind 0) and facility approvals (kind 1), one flat row each, in plain SQL
    // like the SARs: a facility is authorised by its approvals, any other provider by its panel periods.
    private const string ProvidersSql = """
        SELECT p."Npi", p."Name", p."Type", x."Kind", x."From", x."To"
        FROM providers AS p
        LEFT JOIN (SELECT "ProviderId", 0 AS "Kind", "From", "To", "Id" FROM provider_panel_periods
                   UNION ALL
                   SELECT "ProviderId", 1 AS "Kind", "From", "To", "Id" FROM facility_approvals) AS x ON x."ProviderId" = p."Id"
        WHERE {0}
        ORDER BY p."Npi", x."Kind", x."From", x."Id"
        """;

    private string Where(string column) => _postgres
        ? $"{column} = ANY(@numbers)"
        : $"{column} IN (SELECT value FROM json_each(@numbers))";

    // Runs one of the statements for a batch of numbers. On a context, the connection is opened and closed around the
    // query (as EF Core would); on a connection of our own, each command is created and prepared once.
    private async Task QueryAsync(Statement statement, string[] values, Action<System.Data.Common.DbDataReader> read, CancellationToken ct)
    {
        System.Data.Common.DbConnection connection;
        if (_db is not null)
        {
            await _db.Database.OpenConnectionAsync(ct);
            connection = _db.Database.GetDbConnection();
        }
        else
        {
            connection = _connection!;
            if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        }

        try
        {
            var command = _db is null ? _commands[(int)statement] : null;
            var owned = command is null && _db is not null;
            var isNew = command is null;
            if (command is null)
            {
                var (sql, column) = statement switch
                {
                    Statement.Sars => (SarsSql, "\"Number\""),
                    _ => (ProvidersSql, "p.\"Npi\""),
                };
                command = connection.CreateCommand();
                command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, Where(column));
                var created = command.CreateParameter();
                created.ParameterName = "@numbers";
                command.Parameters.Add(created);
                if (_db is null) _commands[(int)statement] = command;
            }

            try
            {
                command.Parameters[0].Value = _postgres ? values : System.Text.Json.JsonSerializer.Serialize(values);
                // Prepared on the run's own connection: SQLite compiles the statement once; PostgreSQL parses it once
                // and, after a few executions, plans it once (a generic plan: every batch looks up numbers the same way).
                if (_db is null && (isNew || !_postgres)) await command.PrepareAsync(ct);
                await using var reader = await command.ExecuteReaderAsync(ct);
                read(reader);
            }
            finally
            {
                if (owned) await command.DisposeAsync();
            }
        }
        finally
        {
            if (_db is not null) await _db.Database.CloseConnectionAsync();
        }
    }

    private async Task LoadSarsAsync(ClaimFactsCache cache, SarNumber[] numbers, CancellationToken ct)
    {
        var values = Array.ConvertAll(numbers, n => n.Value);
        await QueryAsync(Statement.Sars, values, reader =>
        {
            // Rows come by number: the child's CINs (kind 0), then the SAR's lines (kind 1), the first of which starts
            // the SAR. A number with no line rows is not a SAR on file.
            string? current = null;
            SarFacts? head = null;
            var cins = new List<CinPeriod>(2);
            var lines = new List<SarLineFacts>(4);
            while (reader.Read())
            {
                var number = reader.GetString(0);
                if (number != current)
                {
                    Add(cache, head, lines);
                    current = number;
                    head = null;
                    cins.Clear();
                }

                if (reader.GetInt32(1) == 0)
                {
                    cins.Add(new CinPeriod(reader.GetString(20),
                        reader.IsDBNull(21) ? null : reader.GetFieldValue<DateOnly>(21), reader.IsDBNull(22) ? null : reader.GetFieldValue<DateOnly>(22)));
                    continue;
                }

                if (head is null)
                {
                    var scg = !reader.IsDBNull(7) && !reader.IsDBNull(8) && !reader.IsDBNull(9)
                        ? new Core.Authorizations.ScgGrant(reader.GetString(7), reader.GetFieldValue<DateOnly>(8), reader.GetFieldValue<DateOnly>(9))
                        : null;
                    // The child's CINs with their dates: the claim check uses the one that covers the date of service.
                    head = new SarFacts(
                        number, Enum.Parse<Core.Authorizations.SarStatus>(reader.GetString(3)), EnumOrNull<Core.Authorizations.SarType>(reader, 4),
                        cins.ToArray(), reader.IsDBNull(5) ? null : reader.GetString(5), EnumOrNull<Core.Providers.NicuLevel>(reader, 6), scg, []);
                    _read.Add(new SarRead(reader.GetGuid(18), reader.GetGuid(19)));
                }

                lines.Add(new SarLineFacts(
                    reader.GetInt32(2),
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
        }, ct);

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
        await QueryAsync(Statement.Providers, Array.ConvertAll(npis, n => n.Value), reader =>
        {
            string? current = null, name = null;
            var type = default(Core.Providers.ProviderType);
            var periods = new List<Core.Providers.PanelPeriod>(2);
            while (reader.Read())
            {
                var npi = reader.GetString(0);
                if (npi != current)
                {
                    Add(cache, current, name, type, periods);
                    current = npi;
                    name = reader.GetString(1);
                    type = Enum.Parse<Core.Providers.ProviderType>(reader.GetString(2));
                }

                // Facilities are authorised by their approvals, everyone else by their panel periods.
                var facility = type is Core.Providers.ProviderType.Hospital or Core.Providers.ProviderType.SpecialCareCenter;
                if (!reader.IsDBNull(3) && reader.GetInt32(3) == (facility ? 1 : 0))
                {
                    periods.Add(new Core.Providers.PanelPeriod(reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
                }
            }

            Add(cache, current, name, type, periods);
        }, ct);

        foreach (var npi in npis)
        {
            if (!cache.KnowsProvider(npi.Value)) cache.AddProvider(npi.Value, null);
        }

        static void Add(ClaimFactsCache cache, string? npi, string? name, Core.Providers.ProviderType type, List<Core.Providers.PanelPeriod> periods)
        {
            if (npi is null) return;
            cache.AddProvider(npi, new ProviderFacts(npi, name!, type, periods.ToArray()));
            periods.Clear();
        }
    }
}
