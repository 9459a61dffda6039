using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpenCcs.Data;

/// <summary>
/// Takes a county's next SAR sequences in one atomic statement: an upsert on <see cref="SarNumberCounter"/> that
/// creates the county's row at <c>count</c> or adds <c>count</c>, and returns the new value (PostgreSQL, and SQLite
/// 3.35 or later). The row stays locked until the caller's transaction ends, so numbers are distinct and, because a
/// rolled-back submission gives its numbers back, without gaps. Nothing is read first, so nothing is retried.
/// </summary>
public static class SarNumberAllocator
{
    private const string Upsert =
        """
        INSERT INTO sar_number_counters ("CountyCode", "LastSequence", "Version") VALUES (@county, @count, 1)
        ON CONFLICT ("CountyCode") DO UPDATE
        SET "LastSequence" = sar_number_counters."LastSequence" + @count, "Version" = sar_number_counters."Version" + 1
        RETURNING "LastSequence"
        """;

    private const string GiveBack =
        """
        UPDATE sar_number_counters SET "LastSequence" = "LastSequence" - @count, "Version" = "Version" + 1
        WHERE "CountyCode" = @county
        """;

    /// <summary>The county's next sequence, inside the transaction the caller has begun on <paramref name="db"/>.</summary>
    public static Task<long> NextSequenceAsync(this CcsDbContext db, int countyCode, CancellationToken cancellationToken = default) =>
        db.NextSequencesAsync(countyCode, 1, cancellationToken);

    /// <summary>
    /// Takes <paramref name="count"/> consecutive sequences and returns the last of them (the first is last - count + 1),
    /// inside the transaction the caller has begun on <paramref name="db"/>.
    /// </summary>
    public static async Task<long> NextSequencesAsync(this CcsDbContext db, int countyCode, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await using var command = Command(db, Upsert, countyCode, count);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Hands back the last <paramref name="count"/> sequences taken in this transaction and not used (a submission the
    /// domain refused after its number was taken), so the next submission gets them and the numbers stay gap-free.
    /// </summary>
    public static async Task GiveBackSequencesAsync(this CcsDbContext db, int countyCode, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await using var command = Command(db, GiveBack, countyCode, count);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(CcsDbContext db, string sql, int countyCode, int count)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Take a SAR number inside the transaction that stores the SAR, so a failed submission gives it back.");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        Add(command, "county", countyCode);
        Add(command, "count", count);
        return command;
    }

    private static void Add(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
