using Planning.Client.Api;

namespace Planning.Cli.Output;

/// <summary>The words the command line uses for enum values, both ways.</summary>
internal static class Names
{
    public static readonly IReadOnlyDictionary<string, SchoolLevel> Levels = new Dictionary<string, SchoolLevel>
    {
        ["primary"] = SchoolLevel.Primary, ["junior"] = SchoolLevel.Junior, ["nine-year"] = SchoolLevel.NineYear,
    };

    public static readonly IReadOnlyDictionary<string, SchoolKind> Kinds = new Dictionary<string, SchoolKind>
    {
        ["existing"] = SchoolKind.Existing, ["new"] = SchoolKind.New, ["expanded"] = SchoolKind.Expanded,
    };

    public static readonly IReadOnlyDictionary<string, SchoolPart> Parts = new Dictionary<string, SchoolPart>
    {
        ["primary"] = SchoolPart.Primary, ["junior"] = SchoolPart.Junior,
    };

    public static readonly IReadOnlyDictionary<string, AdminAreaKind> AdminKinds = new Dictionary<string, AdminAreaKind>
    {
        ["street"] = AdminAreaKind.Street, ["town"] = AdminAreaKind.Town,
    };

    public static readonly IReadOnlyDictionary<string, ResidentialAreaKind> AreaKinds = new Dictionary<string, ResidentialAreaKind>
    {
        ["compound"] = ResidentialAreaKind.Compound, ["village"] = ResidentialAreaKind.Village,
    };

    public static readonly IReadOnlyDictionary<string, Layer> Layers = new Dictionary<string, Layer>
    {
        ["district"] = Layer.District, ["admin-areas"] = Layer.AdminAreas, ["schools"] = Layer.Schools,
        ["areas"] = Layer.ResidentialAreas, ["catchments"] = Layer.Catchments,
    };

    public static readonly IReadOnlyDictionary<string, ExportFormat> Formats = new Dictionary<string, ExportFormat>
    {
        ["geojson"] = ExportFormat.Geojson, ["gpkg"] = ExportFormat.Geopackage,
    };

    public static readonly IReadOnlyDictionary<string, ImportMode> ImportModes = new Dictionary<string, ImportMode>
    {
        ["replace"] = ImportMode.Replace, ["append"] = ImportMode.Append,
    };

    public static readonly IReadOnlyDictionary<string, Policy> Policies = new Dictionary<string, Policy>
    {
        ["intake-only"] = Policy.IntakeOnly, ["reassign"] = Policy.Reassign,
    };

    public static readonly IReadOnlyDictionary<string, RunMode> RunModes = new Dictionary<string, RunMode>
    {
        ["redistribute"] = RunMode.Redistribute, ["keep-current"] = RunMode.KeepCurrent,
    };

    public static readonly IReadOnlyDictionary<string, AssessmentFormat> AssessmentFormats = new Dictionary<string, AssessmentFormat>
    {
        ["csv"] = AssessmentFormat.Csv, ["xml"] = AssessmentFormat.SpreadsheetXml,
    };

    public static readonly IReadOnlyDictionary<string, BudgetSet> BudgetSets = new Dictionary<string, BudgetSet>
    {
        ["action-plan"] = BudgetSet.ActionPlan, ["none"] = BudgetSet.None,
    };

    public static readonly IReadOnlyDictionary<string, Role> Roles = new Dictionary<string, Role>
    {
        ["viewer"] = Role.Viewer, ["planner"] = Role.Planner, ["admin"] = Role.Admin,
    };

    /// <summary>The command line's word for an enum value ("nine-year", "keep-current", …).</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Level(SchoolLevel level) => Of(level);

    public static string Kind(SchoolKind kind) => Of(kind);
}
