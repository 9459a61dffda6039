using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;

namespace OpenCcs.Web.Audit;

/// <summary>
/// Audit events as a single INSERT, without SaveChanges: every read of a child's record writes one, so it should
/// cost little. Several events go in one multi-row INSERT, one statement that commits (or fails) as a whole. Table,
/// columns and value conversions (enum names, SQLite's instant text) come from the EF model, so the rows are the ones
/// SaveChanges would write. If the model gains a column this does not know, it falls back to SaveChanges.
/// </summary>
internal static class AuditInsert
{
    private static readonly ConditionalWeakTable<IModel, Plan?> Plans = new();

    public static Task ExecuteAsync(CcsDbContext db, AuditEvent audit, CancellationToken cancellationToken) =>
        ExecuteAsync(db, [audit], cancellationToken);

    public static async Task ExecuteAsync(CcsDbContext db, IReadOnlyList<AuditEvent> audits, CancellationToken cancellationToken)
    {
        if (Plans.GetValue(db.Model, _ => Plan.For(db)) is not { } plan)
        {
            db.AuditEvents.AddRange(audits);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = plan.Sql(audits.Count);
            for (var row = 0; row < audits.Count; row++)
            {
                var audit = audits[row];
                object?[] values =
                [
                    audit.At, audit.UserId, audit.UserName, audit.Role, audit.Action, audit.Outcome, audit.RecordType, audit.RecordId,
                    audit.ChildId, audit.RequestId,
                ];
                for (var i = 0; i < values.Length; i++)
                    command.Parameters.Add(plan.Mappings[i].CreateParameter(command, plan.ParameterName(row, i), values[i], nullable: true));
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Plan(string insert, RelationalTypeMapping[] mappings, ISqlGenerationHelper sql)
    {
        private static readonly string[] Properties =
        [
            nameof(AuditEvent.At), nameof(AuditEvent.UserId), nameof(AuditEvent.UserName), nameof(AuditEvent.Role), nameof(AuditEvent.Action),
            nameof(AuditEvent.Outcome), nameof(AuditEvent.RecordType), nameof(AuditEvent.RecordId), nameof(AuditEvent.ChildId), nameof(AuditEvent.RequestId),
        ];

        private readonly ConcurrentDictionary<int, string> _sql = new();

        public RelationalTypeMapping[] Mappings { get; } = mappings;

        public static Plan? For(CcsDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(AuditEvent))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var written = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            if (!written.SetEquals(Properties)) return null;
            var sql = db.GetService<ISqlGenerationHelper>();
            var properties = Properties.Select(name => entity.FindProperty(name)!).ToArray();
            var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
            return new Plan(
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ",
                properties.Select(p => p.GetRelationalTypeMapping()).ToArray(), sql);
        }

        /// <summary>The statement for this many rows, made once per count.</summary>
        public string Sql(int rows) => _sql.GetOrAdd(rows, n =>
        {
            var text = new StringBuilder(insert);
            for (var row = 0; row < n; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var i = 0; i < Properties.Length; i++)
                    text.Append(i == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(Name(row, i)));
                text.Append(')');
            }
            return text.ToString();
        });

        public string ParameterName(int row, int column) => sql.GenerateParameterName(Name(row, column));

        private static string Name(int row, int column) => $"a{row}_{column}";
    }
}
