using CsCheck;
using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>
/// Every assessment path is total (issue 13 §1): for generated resource amounts — zero, fractions,
/// exact thresholds, the largest allowed, just over it, 3e9, 1e308, negative, NaN, infinite — written
/// through UpsertSchool and a scenario's AddResources, a write is refused with INVALID_ARGUMENT naming
/// the field exactly when an amount is out of range (docs/dataset-format.md), and otherwise the run's
/// AssessDistrict and AssessSchool answer OK with finite numbers only: no INTERNAL, no NaN.
/// A failure prints CsCheck's seed; CsCheck_Seed=… replays it.
/// </summary>
public sealed class AssessmentTotalityTests(SmallDistrict district) : IClassFixture<SmallDistrict>
{
    private const int Cases = 25;

    private static readonly (string Field, double Max)[] Fields =
    [
        ("teachers_degree", 10_000), ("teachers_backbone", 10_000), ("teachers_pe_art", 10_000), ("floor_area_m2", 1e6),
        ("sports_area_m2", 1e6), ("equipment_value_yuan", 1e10), ("multimedia_rooms", 10_000),
    ];

    private static readonly Gen<double> Valid = Gen.OneOf(
        Gen.Const(0.0), Gen.Double[0, 50], Gen.Double[0, 10_000], Gen.Const(0.405), Gen.Const(10_000.0), Gen.Const(double.Epsilon));

    private static readonly Gen<double> Invalid = Gen.OneOf(
        Gen.Const(3e9), Gen.Const(1e308), Gen.Const(10_000.5), Gen.Const(-0.001), Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity));

    /// <summary>Three valid resource sets (primary stock, junior stock, junior addition); in half the cases one amount of them made invalid.</summary>
    private static readonly Gen<double[][]> Cases3 =
        Gen.Select(Valid.Array[Fields.Length].Array[3], Gen.Int[0, (6 * Fields.Length) - 1], Invalid, (sets, k, bad) =>
        {
            if (k < 3 * Fields.Length)
            {
                sets[k / Fields.Length][k % Fields.Length] = bad;
            }
            return sets;
        });

    [Fact]
    public async Task AssessDistrictAndSchool_GeneratedResources_RefusedByFieldOrFinite()
    {
        await new TinyDataset().ImportAsync(district.Dataset);
        await Cases3.SampleAsync(async c =>
        {
            var (primary, junior, added) = (c[0], c[1], c[2]);
            var ok = await UpsertAsync(SmallDistrict.Primary, primary) & await UpsertAsync(SmallDistrict.Junior, junior);
            var addition = Resources(SchoolPart.Junior, added);
            var create = new CreateScenarioRequest
            {
                Name = $"生成 {Guid.NewGuid():N}",
                Settings = new ScenarioSettings { StartTerm = SmallDistrict.Term, HorizonTerm = "2021-spring" },
                Changes = { new ScenarioChange { AddResources = new AddResources { SchoolCode = SmallDistrict.Junior, Added = addition } } },
            };
            if (!InRange(added))
            {
                var e = await RpcAssert.FailsAsync(() => district.Runs.Scenarios.CreateScenarioAsync(create).ResponseAsync, StatusCode.InvalidArgument);
                Assert.Contains(RpcAssert.Violations(e), v => v.Field.StartsWith("changes[0].add_resources.added.", StringComparison.Ordinal));
                create.Changes.Clear();
            }
            if (!ok)
            {
                return;
            }
            var scenario = await district.Runs.Scenarios.CreateScenarioAsync(create);
            var (_, run) = await district.Runs.RunAsync(new RunSimulationRequest { ScenarioId = scenario.Id, Mode = RunMode.KeepCurrent });
            Assert.Equal(RunStatus.Succeeded, run.Status);

            var result = await district.DistrictAsync(run);
            Assert.All(result.Parts.SelectMany(p => p.Coefficients), k =>
            {
                Assert.True(double.IsFinite(k.Value) && double.IsFinite(k.Mean), k.ToString());
                Assert.Equal(k.Mean == 0 ? CoefficientStatus.ZeroMean : CoefficientStatus.Defined, k.Status);
                Assert.Equal(k.Status == CoefficientStatus.Defined && k.Value <= k.Ceiling + 1e-9, k.Met);
            });
            foreach (var (code, part) in new[] { (SmallDistrict.Primary, SchoolPart.Primary), (SmallDistrict.Junior, SchoolPart.Junior) })
            {
                var assessed = await district.PartAsync(run, code, part);
                Assert.All(assessed.Indicators, i => Assert.True(double.IsFinite(i.Value) && double.IsFinite(i.Gap) && i.Gap >= 0, i.ToString()));
            }
        }, iter: Cases, threads: 1, print: c => string.Join(" | ", c.Select(a => string.Join(", ", a))));
    }

    /// <summary>Writes <paramref name="amounts"/> as the school's only resource entry; true when accepted.</summary>
    private async Task<bool> UpsertAsync(string code, double[] amounts)
    {
        var school = await district.Schools.GetSchoolAsync(new GetSchoolRequest { Code = code });
        var before = school.Clone();
        school.Resources.Clear();
        school.Resources.Add(Resources(code == SmallDistrict.Primary ? SchoolPart.Primary : SchoolPart.Junior, amounts));
        if (InRange(amounts))
        {
            await district.Schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = school });
            return true;
        }
        var e = await RpcAssert.FailsAsync(
            () => district.Schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = school }).ResponseAsync, StatusCode.InvalidArgument);
        var named = RpcAssert.Violations(e).Select(v => v.Field[(v.Field.LastIndexOf('.') + 1)..]).ToHashSet();
        Assert.Equal(Fields.Where((f, k) => !Within(amounts[k], f.Max)).Select(f => f.Field).ToHashSet(), named);
        Assert.Equal(before, await district.Schools.GetSchoolAsync(new GetSchoolRequest { Code = code }));
        return false;
    }

    private static bool InRange(double[] amounts) => amounts.Select((a, k) => Within(a, Fields[k].Max)).All(x => x);

    private static bool Within(double amount, double max) => double.IsFinite(amount) && amount >= 0 && amount <= max;

    private static Resources Resources(SchoolPart part, double[] a) => new()
    {
        Part = part, FromTerm = SmallDistrict.Term, TeachersDegree = a[0], TeachersBackbone = a[1], TeachersPeArt = a[2],
        FloorAreaM2 = a[3], SportsAreaM2 = a[4], EquipmentValueYuan = a[5], MultimediaRooms = a[6],
    };
}
