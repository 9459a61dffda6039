using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpenCcs.Data;

/// <summary>
/// Takes a county's next SAR sequence in one atomic statement: an upsert on <see cref="SarNumberCounter"/> that
/// creates the county's row at 1 or adds 1, and returns the new value (PostgreSQL, and SQLite 3.35 or later).
/// The row stays locked until the caller's transaction ends, so numbers are distinct and, because a rolled-back
/// submission gives its number back, without gaps. Nothing is read first, so nothing is retried.
/// </summary>
public static class SarNumberAllocator
{
    private const string Upsert =
        """
        INSERT INTO sar_number_counters ("CountyCode", "LastSequence", "Version") VALUES (@county, 1, 1)
        ON CONFLICT ("CountyCode") DO UPDATE
        SET "LastSequence" = sar_number_counters."LastSequence" + 1, "Version" = sar_number_counters."Version" + 1
        RETURNING "LastSequence"
        """;

    /// <summary>The county's next sequence, inside the transaction the caller has begun on <paramref name="db"/>.</summary>
    public static async Task<long> NextSequenceAsync(this CcsDbContext db, int countyCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Take a SAR number inside the transaction that stores the SAR, so a failed submission gives it back.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = Upsert;
        var county = command.CreateParameter();
        county.ParameterName = "county";
        county.Value = countyCode;
        command.Parameters.Add(county);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
