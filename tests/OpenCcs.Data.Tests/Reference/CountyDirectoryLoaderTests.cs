using System.Text;
using OpenCcs.Core.Counties;
using OpenCcs.Data.Reference;

namespace OpenCcs.Data.Tests.Reference;

public class CountyDirectoryLoaderTests
{
    private static readonly CountyDirectory Directory = CountyDirectoryLoader.Load();

    private static County Named(string name) =>
        Directory.FindByName(name) ?? throw new InvalidOperationException($"{name} is missing from the county data.");

    [Fact]
    public void County_data_holds_all_58_california_counties()
    {
        Assert.Equal(58, Directory.All.Count);
    }

    [Theory]
    [InlineData(1, "Alameda", "06001")]
    [InlineData(10, "Fresno", "06019")]
    [InlineData(19, "Los Angeles", "06037")]
    [InlineData(58, "Yuba", "06115")]
    public void County_codes_follow_alphabetical_order_of_county_names(int code, string name, string fips)
    {
        var county = Directory.Get(CountyCode.From(code));

        Assert.Equal(name, county.Name);
        Assert.Equal(fips, county.FipsCode);
    }

    [Fact]
    public void Orange_county_moved_from_classic_to_whole_child_model_with_caloptima_on_2019_07_01()
    {
        var orange = Named("Orange");

        Assert.Equal(CareModel.Classic, orange.ModelOn(new DateOnly(2019, 6, 30)).CareModel);
        var wcm = orange.ModelOn(new DateOnly(2019, 7, 1));
        Assert.Equal(CareModel.WholeChildModel, wcm.CareModel);
        Assert.Equal("CalOptima", wcm.PlanName);
        Assert.Equal("regulation", wcm.Source);
    }

    [Theory]
    [InlineData("Merced", "Central California Alliance for Health", "2018-07-01")]
    [InlineData("Monterey", "Central California Alliance for Health", "2018-07-01")]
    [InlineData("Santa Cruz", "Central California Alliance for Health", "2018-07-01")]
    [InlineData("San Luis Obispo", "CenCal Health", "2018-07-01")]
    [InlineData("Santa Barbara", "CenCal Health", "2018-07-01")]
    [InlineData("San Mateo", "Health Plan of San Mateo", "2018-07-01")]
    [InlineData("Orange", "CalOptima", "2019-07-01")]
    [InlineData("Del Norte", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Humboldt", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Lake", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Lassen", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Marin", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Mendocino", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Modoc", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Napa", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Shasta", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Siskiyou", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Solano", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Sonoma", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Trinity", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Yolo", "Partnership HealthPlan of California", "2019-07-01")]
    [InlineData("Mariposa", "Central California Alliance for Health", "2024-01-01")]
    [InlineData("San Benito", "Central California Alliance for Health", "2024-01-01")]
    public void Whole_child_model_counties_are_classic_until_their_plan_takes_over(string name, string plan, string start)
    {
        var county = Named(name);
        var from = DateOnly.Parse(start);

        Assert.Equal(CareModel.Classic, county.ModelOn(from.AddDays(-1)).CareModel);
        var wcm = county.ModelOn(from);
        Assert.Equal(CareModel.WholeChildModel, wcm.CareModel);
        Assert.Equal(plan, wcm.PlanName);
    }

    [Fact]
    public void All_other_counties_are_classic_ccs()
    {
        var wholeChild = Directory.All.Where(c => c.ModelOn(new DateOnly(2026, 1, 1)).CareModel == CareModel.WholeChildModel);

        Assert.Equal(23, wholeChild.Count());
        Assert.Equal(CareModel.Classic, Named("Los Angeles").ModelOn(new DateOnly(2026, 1, 1)).CareModel);
    }

    [Fact]
    public void Mariposa_and_san_benito_join_the_alliance_on_a_convention_date()
    {
        Assert.Equal("convention", Named("Mariposa").ModelOn(new DateOnly(2024, 1, 1)).Source);
        Assert.Equal("convention", Named("San Benito").ModelOn(new DateOnly(2024, 1, 1)).Source);
    }

    [Theory]
    [InlineData("Mariposa")]
    [InlineData("San Benito")]
    public void Counties_named_dependent_in_reference_003_are_dependent(string name)
    {
        var period = Named(name).ModelOn(new DateOnly(2026, 1, 1));

        Assert.Equal(Administration.Dependent, period.Administration);
        Assert.Equal("source doc: reference/003", period.AdministrationSource);
    }

    [Fact]
    public void Counties_of_200000_people_or_more_are_independent_by_convention()
    {
        foreach (var county in Directory.All.Where(c => c.Name is not ("Mariposa" or "San Benito")))
        {
            var period = county.ModelOn(new DateOnly(2026, 1, 1));
            var expected = county.Population >= 200_000 ? Administration.Independent : Administration.Dependent;
            Assert.True(expected == period.Administration, $"{county.Name} (population {county.Population}) should be {expected}.");
            Assert.Equal("convention", period.AdministrationSource);
        }
    }

    [Fact]
    public void Office_contacts_are_copied_from_the_reference_pages()
    {
        var kern = Named("Kern").Office;
        Assert.NotNull(kern);
        Assert.Equal("(661) 321-3000", kern.Phone);
        Assert.Equal("(661) 868-0268", kern.Fax);
        Assert.Equal("source doc: reference/002", kern.Source);

        var mariposa = Named("Mariposa").Office;
        Assert.NotNull(mariposa);
        Assert.Equal("209-966-2000", mariposa.Phone);
        Assert.Equal("800-266-3609", mariposa.AlternatePhone);
        Assert.Equal("PO Box 99, Mariposa, CA 95338", mariposa.MailingAddress);
        Assert.Equal("5300 Hwy 49 North, Mariposa, CA 95338", mariposa.PhysicalAddress);

        var sanBenito = Named("San Benito").Office;
        Assert.NotNull(sanBenito);
        Assert.Null(sanBenito.Fax);
        Assert.Equal("source doc: reference/003", Named("San Benito").ContactSource);
    }

    [Fact]
    public void Thirteen_counties_have_office_contacts_and_the_rest_have_none()
    {
        var withContacts = Directory.All.Where(c => c.Office is not null).Select(c => c.Name).ToHashSet();

        Assert.Equal(
            new HashSet<string>
            {
                "Kern", "Los Angeles", "Sacramento", "San Diego", "San Joaquin", "Stanislaus", "Tulare",
                "Mariposa", "Merced", "Monterey", "San Benito", "Santa Cruz", "San Francisco",
            },
            withContacts);
    }

    [Fact]
    public void State_iscd_office_is_in_the_county_data()
    {
        Assert.NotNull(Directory.StateOffice);
        Assert.Equal("916-552-9105", Directory.StateOffice.Phone);
        Assert.Contains("PO Box 997437", Directory.StateOffice.MailingAddress);
    }

    [Fact]
    public void County_data_without_a_version_is_rejected()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""{ "version": "", "counties": [] }"""));

        Assert.Throws<InvalidDataException>(() => CountyDirectoryLoader.Load(json));
    }

    [Fact]
    public void County_data_with_a_missing_county_is_rejected()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""{ "version": "test", "counties": [] }"""));

        var error = Assert.Throws<InvalidDataException>(() => CountyDirectoryLoader.Load(json));
        Assert.Contains("58", error.Message);
    }
}
