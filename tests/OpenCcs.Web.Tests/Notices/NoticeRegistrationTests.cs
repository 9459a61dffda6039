using Microsoft.Extensions.DependencyInjection;
using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Tests.Notices;

public sealed class NoticeRegistrationTests
{
    [Fact]
    public void AddNotices_registers_one_renderer_and_adding_twice_is_harmless()
    {
        var services = new ServiceCollection().AddNotices().AddNotices();
        using var provider = services.BuildServiceProvider();

        var renderer = provider.GetRequiredService<NoticeRenderer>();

        Assert.Same(renderer, provider.GetRequiredService<NoticeRenderer>());
        Assert.Single(services, d => d.ServiceType == typeof(NoticeRenderer));
        Assert.Contains(NoticeSamples.SarNumber, PdfReader.Read(renderer.Render(NoticeSamples.CoverSheet())).Text);
    }
}
