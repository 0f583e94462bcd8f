using Planning.DataGen.Core;
using Planning.DataGen.Output;
using Planning.Engine.Terms;

namespace Planning.DataGen.Tests;

public sealed class CoreTests
{
    [Fact]
    public void SeededRandom_SameSeed_GivesSameStream()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextULong()), Enumerable.Range(0, 100).Select(_ => b.NextULong()));
    }

    [Fact]
    public void SeededRandom_ForkedStreams_DifferByPurposeAndRepeat()
    {
        var root = new SeededRandom(42);
        Assert.Equal(root.Fork("a").NextULong(), new SeededRandom(42).Fork("a").NextULong());
        Assert.NotEqual(root.Fork("a").NextULong(), root.Fork("b").NextULong());
    }

    [Fact]
    public void SeededRandom_NextIntAndRange_StayInBounds()
    {
        var random = new SeededRandom(1);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.NextInt(7), 0, 6);
            Assert.InRange(random.Range(2.0, 3.0), 2.0, 3.0);
        }
    }

    [Theory]
    [InlineData(117.30166, 6, "117.30166")]
    [InlineData(39.7156900000001, 6, "39.71569")]
    [InlineData(0.3, 2, "0.3")]
    [InlineData(1.0, 2, "1")]
    [InlineData(-0.0000004, 6, "0")]
    [InlineData(-12.5, 1, "-12.5")]
    public void FixedDecimal_Format_WritesShortestFixedText(double value, int decimals, string expected)
    {
        Assert.Equal(expected, FixedDecimal.Format(value, decimals));
    }

    [Fact]
    public void DeterministicTrig_CosSin_AgreesWithMathWithinRounding()
    {
        for (var turns = -1.0; turns <= 1.0; turns += 0.01)
        {
            var (cos, sin) = DeterministicTrig.CosSin(turns * DeterministicTrig.TwoPi);
            Assert.Equal(Math.Cos(turns * 2 * Math.PI), cos, 1e-12);
            Assert.Equal(Math.Sin(turns * 2 * Math.PI), sin, 1e-12);
        }
    }

    [Fact]
    public void Term_Ordering_PutsSpringAfterPrecedingAutumn()
    {
        Assert.True(Term.Autumn(2020) < Term.Spring(2021));
        Assert.True(Term.Spring(2021) < Term.Autumn(2021));
        Assert.Equal(2020, Term.Spring(2021).SchoolYear);
        Assert.Equal("2021-spring", Term.Spring(2021).ToString());
    }

    [Fact]
    public void LargestRemainder_Split_AddsUpExactlyAndFollowsWeights()
    {
        var parts = LargestRemainder.Split(722_367, [1.0, 2.0, 3.3, 0.7]);
        Assert.Equal(722_367, parts.Sum());
        Assert.True(parts[2] > parts[1] && parts[1] > parts[0] && parts[0] > parts[3]);
    }
}
