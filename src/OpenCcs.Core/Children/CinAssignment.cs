using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Children;

/// <summary>
/// One of a child's Medi-Cal CINs and the dates it covered. <see cref="From"/> is null for a CIN the child already
/// had when the program first recorded it; <see cref="To"/> is null while it is the child's current CIN.
/// </summary>
public sealed class CinAssignment
{
    private CinAssignment() { }

    internal CinAssignment(Cin cin, DateOnly? from)
    {
        Cin = cin;
        From = from;
    }

    public Cin Cin { get; private set; }

    public DateOnly? From { get; private set; }

    /// <summary>The last date the CIN covered, set when a newer CIN replaced it.</summary>
    public DateOnly? To { get; private set; }

    public bool IsCurrent => To is null;

    public bool Covers(DateOnly date) => (From is not { } from || date >= from) && (To is not { } to || date <= to);

    internal void EndOn(DateOnly lastDay) => To = lastDay;

    public override string ToString() => (From, To) switch
    {
        (null, null) => $"{Cin}, current",
        (null, { } to) => $"{Cin} until {to:yyyy-MM-dd}",
        ({ } from, null) => $"{Cin} from {from:yyyy-MM-dd}, current",
        ({ } from, { } to) => $"{Cin} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}",
    };
}
