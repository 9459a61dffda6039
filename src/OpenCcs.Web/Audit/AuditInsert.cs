using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;

namespace OpenCcs.Web.Audit;

/// <summary>
/// One audit event as a single INSERT, without SaveChanges: every read of a child's record writes one, so it should
/// cost little. Table, columns and value conversions (enum names, SQLite's instant text) come from the EF model, so
/// the row is the one SaveChanges would write. If the model gains a column this does not know, it falls back to SaveChanges.
/// </summary>
internal static class AuditInsert
{
    private static readonly ConditionalWeakTable<IModel, Plan?> Plans = new();

    public static async Task ExecuteAsync(CcsDbContext db, AuditEvent audit, CancellationToken cancellationToken)
    {
        if (Plans.GetValue(db.Model, _ => Plan.For(db)) is not { } plan)
        {
            db.AuditEvents.Add(audit);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        object?[] values =
        [
            audit.At, audit.UserId, audit.UserName, audit.Role, audit.Action, audit.Outcome, audit.RecordType, audit.RecordId,
            audit.ChildId, audit.RequestId,
        ];
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = plan.Sql;
            for (var i = 0; i < values.Length; i++)
                command.Parameters.Add(plan.Mappings[i].CreateParameter(command, plan.ParameterNames[i], values[i], nullable: true));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Plan(string Sql, RelationalTypeMapping[] Mappings, string[] ParameterNames)
    {
        private static readonly string[] Properties =
        [
            nameof(AuditEvent.At), nameof(AuditEvent.UserId), nameof(AuditEvent.UserName), nameof(AuditEvent.Role), nameof(AuditEvent.Action),
            nameof(AuditEvent.Outcome), nameof(AuditEvent.RecordType), nameof(AuditEvent.RecordId), nameof(AuditEvent.ChildId), nameof(AuditEvent.RequestId),
        ];

        public static Plan? For(CcsDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(AuditEvent))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var written = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            if (!written.SetEquals(Properties)) return null;
            var sql = db.GetService<ISqlGenerationHelper>();
            var properties = Properties.Select(name => entity.FindProperty(name)!).ToArray();
            var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
            var names = properties.Select((_, i) => $"a{i}").ToArray();
            var placeholders = string.Join(", ", names.Select(sql.GenerateParameterNamePlaceholder));
            return new Plan(
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({placeholders})",
                properties.Select(p => p.GetRelationalTypeMapping()).ToArray(),
                names.Select(sql.GenerateParameterName).ToArray());
        }
    }
}
