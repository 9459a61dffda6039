using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpenCcs.Web.Notices;

/// <summary>
/// The notice renderers as a service, for handlers that take their collaborators by injection.
/// Each method is the same pure function as the static <c>*Pdf.Render</c> it calls.
/// </summary>
public sealed class NoticeRenderer
{
    public byte[] Render(ApprovalLetter letter) => ApprovalLetterPdf.Render(letter);

    public byte[] Render(NoticeOfAction notice) => NoticeOfActionPdf.Render(notice);

    public byte[] Render(SarCoverSheet sheet) => SarCoverSheetPdf.Render(sheet);
}

public static class NoticeRegistration
{
    /// <summary>
    /// Registers <see cref="NoticeRenderer"/> and sets PDFsharp up now (AGPL licence, Public Sans
    /// fonts), so a missing font or licence problem stops start-up instead of the first notice.
    /// </summary>
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        NoticePdfSetup.EnsureReady();
        services.TryAddSingleton<NoticeRenderer>();
        return services;
    }
}
