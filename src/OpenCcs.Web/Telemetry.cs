using System.Diagnostics;

namespace OpenCcs.Web;

/// <summary>OpenCCS's own trace source. Spans carry record ids, never names, CINs or dates of birth.</summary>
public static class Telemetry
{
    public const string SourceName = "OpenCcs";

    public static readonly ActivitySource Source = new(SourceName);
}
