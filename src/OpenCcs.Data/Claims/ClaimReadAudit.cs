using System.Data.Common;
using System.Globalization;
using System.Text;
using OpenCcs.Data.Auditing;

namespace OpenCcs.Data.Claims;

/// <summary>A SAR whose facts a claim check read: the SAR's id and its child's.</summary>
public readonly record struct SarRead(Guid SarId, Guid ChildId);

/// <summary>Who ran a batch claim check, as its audit rows name them: there is no signed-in user on a command line.</summary>
/// <param name="UserId">"ccs:" and the operating-system account, so batch reads sort apart from web users' ids.</param>
/// <param name="RequestId">One id for the whole run, so every read of one run can be found together.</param>
public sealed record BatchActor(string UserId, string UserName, string Role, string RequestId)
{
    /// <summary>The role batch claim checks are recorded under.</summary>
    public const string ClaimCheckRole = "ccs claims check";

    /// <summary>The account running this process, with a new run id.</summary>
    public static BatchActor ForThisProcess()
    {
        var account = string.IsNullOrWhiteSpace(Environment.UserName) ? "unknown" : Environment.UserName;
        return new BatchActor(Truncate($"ccs:{account}", 64), Truncate(account, 256), ClaimCheckRole, $"ccs-{Guid.NewGuid():N}");
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>
/// Writes one Read audit event per SAR a batch claim check read, in multi-row INSERTs on the run's own connection
/// (no EF Core model on the command line). Values are stored the way the EF Core model stores them: enum names, and
/// on SQLite instants as fixed-width UTC text and ids as upper-case text; a test reads the rows back through EF Core
/// on both databases.
/// </summary>
public static class ClaimReadAudit
{
    private const int RowsPerStatement = 500;

    private const string Insert = """
        INSERT INTO audit_events ("At", "UserId", "UserName", "Role", "Action", "Outcome", "RecordType", "RecordId", "ChildId", "RequestId") VALUES
        """;

    public static async Task WriteAsync(DbConnection connection, DatabaseProvider provider, IReadOnlyList<SarRead> sars, BatchActor actor, DateTime atUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sars);
        ArgumentNullException.ThrowIfNull(actor);
        if (sars.Count == 0) return;
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        var postgres = provider == DatabaseProvider.Postgres;
        for (var start = 0; start < sars.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, sars.Count - start);
            await using var command = connection.CreateCommand();
            var sql = new StringBuilder(Insert);
            // The values every row shares are parameters, given once. Each row's SAR and child ids are written into the
            // statement: they are Guids formatted here (hex digits and hyphens only), and a statement with a thousand
            // parameters spends its time binding them by name.
            Add(command, "@at", postgres ? atUtc : atUtc.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
            Add(command, "@user", actor.UserId);
            Add(command, "@name", actor.UserName);
            Add(command, "@role", actor.Role);
            Add(command, "@action", nameof(AuditAction.Read));
            Add(command, "@outcome", nameof(AuditOutcome.Allowed));
            Add(command, "@type", "Sar");
            Add(command, "@request", actor.RequestId);
            for (var i = 0; i < count; i++)
            {
                var sar = sars[start + i];
                if (i > 0) sql.Append(',');
                var child = postgres ? sar.ChildId.ToString() : sar.ChildId.ToString().ToUpperInvariant();
                sql.Append(CultureInfo.InvariantCulture, $"(@at, @user, @name, @role, @action, @outcome, @type, '{sar.SarId}', '{child}', @request)");
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
