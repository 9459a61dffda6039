namespace OpenCcs.Web.Features;

/// <summary>What the shared pager needs: where we are, how many pages, and how to link to one.</summary>
public sealed record PagerModel(int Page, int Pages, Func<int, string> LinkTo);
