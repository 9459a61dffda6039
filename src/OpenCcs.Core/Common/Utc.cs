namespace OpenCcs.Core.Common;

public static class Utc
{
    /// <summary>Every stored instant is UTC; a local or unspecified time is a programming error.</summary>
    public static DateTime Require(DateTime value) =>
        value.Kind == DateTimeKind.Utc
            ? value
            : throw new ArgumentException($"Instants must be UTC; got a {value.Kind} time.", nameof(value));
}
