using Planning.Engine.Terms;

namespace Planning.Engine.Tests.Terms;

public class TermTests
{
    [Theory]
    [InlineData("2020-autumn", 2020, Season.Autumn)]
    [InlineData("2021-spring", 2021, Season.Spring)]
    [InlineData("2022-AUTUMN", 2022, Season.Autumn)]
    public void Parse_CanonicalText_ReturnsTerm(string text, int year, Season season)
    {
        Assert.Equal(new Term(year, season), Term.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2020")]
    [InlineData("2020-summer")]
    [InlineData("20-autumn")]
    [InlineData("autumn-2020")]
    [InlineData("2020-autumn ")]
    public void Parse_NotATerm_Throws(string text)
    {
        Assert.Throws<FormatException>(() => Term.Parse(text));
        Assert.False(Term.TryParse(text, out _));
    }

    [Fact]
    public void ToString_ParsedTerm_RoundTrips()
    {
        Assert.Equal("2021-spring", Term.Parse("2021-spring").ToString());
        Assert.Equal("2020-autumn", Term.Base.ToString());
    }

    [Fact]
    public void CompareTo_SpringAndAutumnOfOneYear_SpringFirst()
    {
        // The school year 2020/21 is 2020-autumn then 2021-spring (docs/dataset-format.md).
        Assert.True(Term.Parse("2020-autumn") < Term.Parse("2021-spring"));
        Assert.True(Term.Parse("2021-spring") < Term.Parse("2021-autumn"));
        Assert.True(Term.Parse("2021-autumn") > Term.Parse("2020-autumn"));
    }

    [Fact]
    public void Next_AutumnAndSpring_AlternateAcrossYears()
    {
        Assert.Equal(Term.Parse("2021-spring"), Term.Parse("2020-autumn").Next);
        Assert.Equal(Term.Parse("2021-autumn"), Term.Parse("2021-spring").Next);
        Assert.Equal(Term.Parse("2020-autumn"), Term.Parse("2021-spring").Previous);
    }

    [Fact]
    public void SchoolYear_SpringTerm_BelongsToPreviousAutumn()
    {
        Assert.Equal(2020, Term.Parse("2021-spring").SchoolYear);
        Assert.Equal(2021, Term.Parse("2021-autumn").SchoolYear);
    }

    [Fact]
    public void Range_DefaultHorizon_HasElevenTermsInOrder()
    {
        var terms = Term.Range(Term.Base, Term.DefaultHorizon);

        Assert.Equal(11, terms.Count);
        Assert.Equal(Term.Base, terms[0]);
        Assert.Equal(Term.DefaultHorizon, terms[^1]);
        Assert.Equal(terms.Order(), terms);
        Assert.Equal(10, Term.DefaultHorizon.TermsSince(Term.Base));
    }
}
