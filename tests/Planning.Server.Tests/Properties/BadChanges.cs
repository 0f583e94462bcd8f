using CsCheck;
using Planning.V1;

namespace Planning.Server.Tests.Properties;

/// <summary>A scenario change that must be refused, with what is wrong with it.</summary>
public sealed record BadChange(string Description, Func<ScenarioChange> Create)
{
    public override string ToString() => Description;
}

/// <summary>Malformed scenario changes of every kind, and the empty oneof.</summary>
public static class BadChanges
{
    private static string Short(string s) => Mutation.Short(s.Replace("\0", "\\0"));

    private static Gen<BadChange> Of<T>(Gen<Break<T>> breaks, string what, Func<T> valid, Func<T, ScenarioChange> wrap) =>
        breaks.Select(b => new BadChange($"{what}.{b.Description}", () =>
        {
            var value = valid();
            b.Apply(value);
            return wrap(value);
        }));

    private static readonly Gen<BadChange> Close = Gen.OneOf(
        BadValues.UnknownSchool.Select(code => new BadChange($"close_school.school_code = \"{Short(code)}\"",
            () => new ScenarioChange { CloseSchool = new CloseSchool { SchoolCode = code, FromTerm = "2021-autumn" } })),
        BadValues.Term.Select(term => new BadChange($"close_school.from_term = \"{Short(term)}\"",
            () => new ScenarioChange { CloseSchool = new CloseSchool { SchoolCode = "BD-P-001", FromTerm = term } })));

    private static ScenarioChange Expand(string code, string term, int primary, int junior) =>
        new() { ExpandSchool = new ExpandSchool { SchoolCode = code, FromTerm = term, AddPrimaryTracks = primary, AddJuniorTracks = junior } };

    private static readonly Gen<BadChange> ExpandSchool = Gen.OneOf(
        Gen.Select(BadValues.Negative, Gen.Int[0, 3], Gen.Bool, (neg, other, primary) => new BadChange(
            $"expand_school add_{(primary ? "primary" : "junior")}_tracks = {neg}",
            () => primary ? Expand("BD-P-001", "2021-autumn", neg, other) : Expand("BD-J-001", "2021-autumn", other, neg))),
        Gen.Const(new BadChange("expand_school adds no tracks", () => Expand("BD-P-001", "2021-autumn", 0, 0))),
        BadValues.Above(1000).Select(huge => new BadChange($"expand_school add_primary_tracks = {huge}",
            () => Expand("BD-P-001", "2021-autumn", huge, 0))),
        BadValues.UnknownSchool.Select(code => new BadChange($"expand_school.school_code = \"{Short(code)}\"",
            () => Expand(code, "2021-autumn", 1, 0))),
        BadValues.Term.Select(term => new BadChange($"expand_school.from_term = \"{Short(term)}\"",
            () => Expand("BD-P-001", term, 1, 0))));

    private static readonly Gen<BadChange> OpenSchool = Gen.OneOf(
        Gen.Const(new BadChange("open_school.school missing", () => new ScenarioChange { OpenSchool = new OpenSchool() })),
        Of(BadSchools.School, "open_school.school", ValidChanges.School, s => new ScenarioChange { OpenSchool = new OpenSchool { School = s } }));

    private static readonly Gen<BadChange> AddArea = Gen.OneOf(
        Gen.Const(new BadChange("add_residential_area.residential_area missing",
            () => new ScenarioChange { AddResidentialArea = new AddResidentialArea() })),
        Of(BadAreas.Area, "add_residential_area.residential_area", ValidChanges.Area,
            a => new ScenarioChange { AddResidentialArea = new AddResidentialArea { ResidentialArea = a } }));

    private static readonly Gen<BadChange> AddResources = Gen.OneOf(
        BadValues.UnknownSchool.Select(code => new BadChange($"add_resources.school_code = \"{Short(code)}\"",
            () => new ScenarioChange { AddResources = new AddResources { SchoolCode = code, Added = ValidChanges.Resources() } })),
        Gen.Const(new BadChange("add_resources.added missing",
            () => new ScenarioChange { AddResources = new AddResources { SchoolCode = "BD-P-001" } })),
        Of(BadSchools.Resources, "add_resources.added", ValidChanges.Resources,
            r => new ScenarioChange { AddResources = new AddResources { SchoolCode = "BD-P-001", Added = r } }));

    public static readonly Gen<BadChange> Any = Gen.Frequency(
        (1, Gen.Const(new BadChange("empty change (no oneof case set)", () => new ScenarioChange()))),
        (2, Close),
        (3, ExpandSchool),
        (6, OpenSchool),
        (6, AddArea),
        (3, AddResources));
}
