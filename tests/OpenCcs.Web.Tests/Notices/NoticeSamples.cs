using OpenCcs.Core.Common;
using OpenCcs.Core.Authorizations;
using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Tests.Notices;

/// <summary>Synthetic notice data (no real people or records) shared by the notice tests.</summary>
internal static class NoticeSamples
{
    public const string SarNumber = "10000123457";
    public const string Reason =
        "Your child's doctor asked for a power wheelchair. The records we got show that your child can walk short distances " +
        "and uses a manual wheelchair well. CCS pays for a power wheelchair only when a child cannot move a manual chair on their own.";
    public const string Citation = "California Code of Regulations, title 22, section 42180";

    public static readonly DateOnly NoticeDate = new(2026, 3, 5);

    public static CountyOffice Office { get; } = new(
        "Fresno County California Children's Services",
        "1221 Fulton Street, 5th Floor\nFresno, CA 93721",
        "(559) 555-0142",
        "(559) 555-0143");

    public static NoticeRecipient Recipient { get; } = new(
        "Maria Lopez",
        new MailingAddress("2450 East Olive Avenue", "Apt 12", "Fresno", "CA", "93701"));

    public static NoticeChild Child { get; } = new("Sofia Lopez", new DateOnly(2015, 8, 21));

    public static NoticeProvider Provider { get; } = new("Valley Pediatric Specialty Clinic", "(559) 555-0190", "1234567893");

    public static IReadOnlyList<NoticeServiceLine> ApprovedLines { get; } =
    [
        new("99214", "Office visit, established patient, moderate complexity", new(2026, 3, 10), new(2026, 9, 9), 6),
        new("97110", "Therapeutic exercise, each 15 minutes", new(2026, 3, 10), new(2026, 9, 9), 24),
        new("E0114", "Crutches, underarm, pair", new(2026, 3, 10), new(2026, 3, 10), 1),
    ];

    public static ApprovalLetter Approval(Language language = Language.English) => new(
        language,
        Office,
        NoticeDate,
        Recipient,
        Child,
        SarNumber,
        Provider,
        ApprovedLines,
        new ServiceCodeGroupingGrant("01", "Physician services"),
        "Ana Torres, RN");

    public static AppealRoute CountyAppeal(DateOnly noticeDate) => new(
        AppealBody.CountyCcsDirector,
        "Director, Fresno County California Children's Services",
        "1221 Fulton Street, 5th Floor\nFresno, CA 93721",
        AppealDeadlines.CcsAppealDeadline(noticeDate),
        AppealDeadlines.CcsAppealDeadline(noticeDate));

    public static NoticeOfAction Denial(Language language = Language.English, string reason = Reason) => new(
        language,
        Office,
        NoticeDate,
        Recipient,
        Child,
        SarNumber,
        Provider,
        NoticeAction.Denied,
        new DateOnly(2026, 3, 15),
        reason,
        Citation,
        [new("K0861", "Power wheelchair, group 3, standard", new(2026, 3, 15), new(2026, 3, 15), 1)],
        [],
        CountyAppeal(NoticeDate));

    public static NoticeOfAction Modification(Language language = Language.English) => Denial(language) with
    {
        Action = NoticeAction.Modified,
        Reason = language == Language.Spanish
            ? "El médico pidió 24 visitas de terapia. Los registros muestran que 12 visitas son suficientes por ahora."
            : "The doctor asked for 24 therapy visits. The records show that 12 visits are enough for now.",
        Requested = [new("97110", "Therapeutic exercise, each 15 minutes", new(2026, 3, 10), new(2026, 9, 9), 24)],
        Approved = [new("97110", "Therapeutic exercise, each 15 minutes", new(2026, 3, 10), new(2026, 6, 9), 12)],
    };

    public static NoticeOfAction PlanDenial(Language language = Language.English) => Denial(language) with
    {
        Appeal = new AppealRoute(
            AppealBody.HealthPlan,
            "Central Valley Health Plan",
            "Member Services, P.O. Box 1000\nFresno, CA 93715",
            AppealDeadlines.PlanAppealDeadline(NoticeDate),
            NoticeDate.AddDays(10),
            "1-888-555-0100"),
    };

    public static SarCoverSheet CoverSheet() => new(
        SarNumber,
        "Fresno",
        new DateOnly(2026, 3, 6),
        IscdQueue.ExpeditedReview,
        "Hospital discharge needs",
        new CoverSheetChild("Sofia Lopez", new DateOnly(2015, 8, 21), "91234567A"),
        new NoticeProvider("Valley Pediatric Specialty Clinic", Npi: "1234567893"),
        new CoverSheetDiagnosis("G80.1", "Spastic diplegic cerebral palsy"),
        ApprovedLines,
        new CountyContact("Ana Torres, RN", "(559) 555-0142", "atorres@example.org"),
        [
            new("SAR form", true),
            new("Physician's prescription", true),
            new("Most recent clinic note", true),
            new("Hospital discharge summary", false),
        ],
        "Discharge planned for March 12. Family needs equipment at home before discharge.");

    /// <summary>A list of service lines long enough to need a second page.</summary>
    public static IReadOnlyList<NoticeServiceLine> ManyLines(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new NoticeServiceLine($"97{i:000}", $"Therapy service number {i}, as described in the plan of care", new(2026, 3, 10), new(2026, 9, 9), i))
            .ToList();
}
