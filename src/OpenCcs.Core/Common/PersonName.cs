namespace OpenCcs.Core.Common;

public sealed record PersonName
{
    public PersonName(string first, string last)
    {
        First = Required(first, nameof(first));
        Last = Required(last, nameof(last));
    }

    public string First { get; }

    public string Last { get; }

    public string Full => $"{First} {Last}";

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A name part is required.", field) : value.Trim();

    public override string ToString() => Full;
}
