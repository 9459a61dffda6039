using PdfSharp;
using PdfSharp.Fonts;

namespace OpenCcs.Web.Notices;

/// <summary>
/// The process-wide PDFsharp settings notices need: the licence choice (OpenCCS is open source, so
/// the AGPL licence) and the Public Sans font resolver. Both are global in PDFsharp and may be set
/// only once, so this runs once, under a lock, before the first document is drawn.
/// </summary>
public static class NoticePdfSetup
{
    private static readonly Lock Gate = new();
    private static volatile bool _ready;

    public static void EnsureReady()
    {
        if (_ready)
            return;
        lock (Gate)
        {
            if (_ready)
                return;
            PdfSharpLicense.SetAgplLicense();
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new PublicSansFontResolver();
                    break;
                case PublicSansFontResolver:
                    break;
                default:
                    throw new InvalidOperationException(
                        $"PDFsharp already has a font resolver ({GlobalFontSettings.FontResolver.GetType().FullName}); notices need {nameof(PublicSansFontResolver)}.");
            }
            _ready = true;
        }
    }
}
