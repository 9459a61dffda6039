using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Core.Tests.Common;

namespace OpenCcs.Core.Tests.Authorizations;

/// <summary>DHCS 4509 "extension of an existing SAR": an established client's approved SAR is continued by a new one.</summary>
public class SarExtensionTests
{
    private static readonly SarNumber Next = SarNumber.Create(CountyCode.From(19), 12346);

    private static Sar Extend(Sar original, SarFormType form = SarFormType.EstablishedClient, Guid? child = null) =>
        Sar.Submit(Next, child ?? SarBuilder.ChildId, SarBuilder.ProviderId, null, form, "Q21.0", false, null,
            [SarBuilder.Visits()], SarBuilder.Provider, Instants.Later(60), extends: original);

    [Theory]
    [InlineData(SarStatus.Approved)]
    [InlineData(SarStatus.Modified)]
    public void An_approved_or_modified_sar_can_be_extended_and_the_extension_names_it(SarStatus status)
    {
        var original = SarBuilder.In(status);

        var extension = Extend(original);

        Assert.Equal(SarBuilder.Number, extension.ExtendsNumber);
        Assert.Equal(SarStatus.Submitted, extension.Status);
    }

    [Fact]
    public void A_new_request_extends_nothing() => Assert.Null(SarBuilder.Submit().ExtendsNumber);

    [Theory]
    [InlineData(SarStatus.Submitted)]
    [InlineData(SarStatus.InReview)]
    [InlineData(SarStatus.Denied)]
    [InlineData(SarStatus.Cancelled)]
    public void Only_an_approved_sar_can_be_extended(SarStatus status) =>
        Rules.Refused("sar.extension-needs-approval", () => Extend(SarBuilder.In(status)));

    [Fact]
    public void An_extension_is_for_the_same_child() =>
        Rules.Refused("sar.extension-other-child", () => Extend(SarBuilder.In(SarStatus.Approved), child: Guid.NewGuid()));

    [Theory]
    [InlineData(SarFormType.NewReferral)]
    [InlineData(SarFormType.DischargePlanning)]
    public void Only_the_established_client_form_extends_a_sar(SarFormType form) =>
        Rules.Refused("sar.extension-established-client-only", () => Extend(SarBuilder.In(SarStatus.Approved), form));
}
