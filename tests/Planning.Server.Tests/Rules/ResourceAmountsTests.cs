using Google.Protobuf.Reflection;
using Planning.Engine.Rules;
using Planning.Server.Common;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Rules;

/// <summary>
/// <c>planning.v1.Resources</c> pairs each of the standard's seven indicators (DOMAIN.md, "The
/// standard's seven indicators") with its amount field in one place, which the server's checks, the
/// additions plan, the report and the CLI's maps read.
/// </summary>
public sealed class ResourceAmountsTests
{
    private static readonly FieldDescriptor[] AmountFields =
        [.. V1.Resources.Descriptor.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.Double)];

    [Fact]
    public void Indicators_AreTheContractsSevenInItsOrder()
    {
        var declared = Enum.GetValues<V1.Indicator>().Where(k => k != V1.Indicator.Unspecified).OrderBy(k => (int)k);

        Assert.Equal(declared, V1.Resources.Indicators);
        Assert.Equal(7, V1.Resources.Indicators.Count);
        Assert.Equal(7, AmountFields.Length);
    }

    [Fact]
    public void SetAmount_EachIndicator_SetsTheFieldGetRulesNamesForItAndNoOther()
    {
        foreach (var (k, i) in V1.Resources.Indicators.Select((k, i) => (k, i)))
        {
            var resources = new V1.Resources();
            resources.SetAmount(k, 12.5);

            // GetRules' resource_field for the indicator (RulesApi serves ResourceLimits.FieldName).
            var field = ResourceLimits.FieldName(Vocabulary.FromProto(k)!.Value);
            Assert.All(AmountFields, f => Assert.Equal(f.Name == field ? 12.5 : 0.0, (double)f.Accessor.GetValue(resources)));
            Assert.Equal(12.5, resources.Amount(k));
            Assert.Equal(Enumerable.Range(0, 7).Select(j => j == i ? 12.5 : 0.0), V1.Resources.Indicators.Select(resources.Amount));
        }
    }

    [Fact]
    public void Amounts_FractionsAndZeros_ReadBackInOrder()
    {
        var resources = new V1.Resources
        {
            TeachersDegree = 0.5, TeachersBackbone = 0, TeachersPeArt = 2.25, FloorAreaM2 = 420.5,
            SportsAreaM2 = 1e-3, EquipmentValueYuan = 150_000, MultimediaRooms = 3,
        };

        Assert.Equal([0.5, 0, 2.25, 420.5, 1e-3, 150_000, 3], V1.Resources.Indicators.Select(resources.Amount));
    }

    [Theory]
    [InlineData(V1.Indicator.Unspecified)]
    [InlineData((V1.Indicator)8)]
    [InlineData((V1.Indicator)(-1))]
    public void AmountAndSetAmount_NotOneOfTheSeven_Refused(V1.Indicator indicator)
    {
        var resources = new V1.Resources();

        Assert.Throws<ArgumentOutOfRangeException>(() => resources.Amount(indicator));
        Assert.Throws<ArgumentOutOfRangeException>(() => resources.SetAmount(indicator, 1));
        Assert.All(V1.Resources.Indicators.Select(resources.Amount), a => Assert.Equal(0.0, a));
    }
}
