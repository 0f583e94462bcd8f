using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using Planning.Server.Data;
using V1 = Planning.V1;

namespace Planning.Server.Common;

/// <summary>
/// The contract's enums and the engine's (the one home of the vocabulary): the only place they meet.
/// A contract value this server does not know maps to null; callers refuse it by field name.
/// </summary>
public static class Vocabulary
{
    public static V1.SchoolLevel ToProto(SchoolLevel level) => level switch
    {
        SchoolLevel.Primary => V1.SchoolLevel.Primary,
        SchoolLevel.Junior => V1.SchoolLevel.Junior,
        _ => V1.SchoolLevel.NineYear,
    };

    public static SchoolLevel? FromProto(V1.SchoolLevel level) => level switch
    {
        V1.SchoolLevel.Primary => SchoolLevel.Primary,
        V1.SchoolLevel.Junior => SchoolLevel.Junior,
        V1.SchoolLevel.NineYear => SchoolLevel.NineYear,
        _ => null,
    };

    public static V1.SchoolKind ToProto(SchoolKind kind) => kind switch
    {
        SchoolKind.Existing => V1.SchoolKind.Existing,
        SchoolKind.New => V1.SchoolKind.New,
        _ => V1.SchoolKind.Expanded,
    };

    public static SchoolKind? FromProto(V1.SchoolKind kind) => kind switch
    {
        V1.SchoolKind.Existing => SchoolKind.Existing,
        V1.SchoolKind.New => SchoolKind.New,
        V1.SchoolKind.Expanded => SchoolKind.Expanded,
        _ => null,
    };

    public static V1.SchoolPart ToProto(SchoolPart part) =>
        part == SchoolPart.Primary ? V1.SchoolPart.Primary : V1.SchoolPart.Junior;

    public static SchoolPart? FromProto(V1.SchoolPart part) => part switch
    {
        V1.SchoolPart.Primary => SchoolPart.Primary,
        V1.SchoolPart.Junior => SchoolPart.Junior,
        _ => null,
    };

    public static V1.SchoolPart ToProto(ResourcePart part) => part switch
    {
        ResourcePart.Primary => V1.SchoolPart.Primary,
        ResourcePart.Junior => V1.SchoolPart.Junior,
        _ => V1.SchoolPart.Shared,
    };

    /// <summary>Whom a resource entry serves: primary, junior or shared; null for anything else.</summary>
    public static ResourcePart? ResourcePartFromProto(V1.SchoolPart part) => part switch
    {
        V1.SchoolPart.Primary => ResourcePart.Primary,
        V1.SchoolPart.Junior => ResourcePart.Junior,
        V1.SchoolPart.Shared => ResourcePart.Shared,
        _ => null,
    };

    public static V1.AdminAreaKind ToProto(AdminAreaKind kind) =>
        kind == AdminAreaKind.Street ? V1.AdminAreaKind.Street : V1.AdminAreaKind.Town;

    public static V1.ResidentialAreaKind ToProto(AreaKind kind) =>
        kind == AreaKind.Compound ? V1.ResidentialAreaKind.Compound : V1.ResidentialAreaKind.Village;

    public static AreaKind? FromProto(V1.ResidentialAreaKind kind) => kind switch
    {
        V1.ResidentialAreaKind.Compound => AreaKind.Compound,
        V1.ResidentialAreaKind.Village => AreaKind.Village,
        _ => null,
    };

    public static V1.RunMode ToProto(RunMode mode) =>
        mode == RunMode.KeepCurrent ? V1.RunMode.KeepCurrent : V1.RunMode.Redistribute;

    public static RunMode? FromProto(V1.RunMode mode) => mode switch
    {
        V1.RunMode.Unspecified or V1.RunMode.Redistribute => RunMode.Redistribute,
        V1.RunMode.KeepCurrent => RunMode.KeepCurrent,
        _ => null,
    };

    public static V1.ViolationKind ToProto(ViolationKind kind) => kind switch
    {
        ViolationKind.SchoolSize => V1.ViolationKind.SchoolSize,
        ViolationKind.ClassSize => V1.ViolationKind.ClassSize,
        ViolationKind.SeatsShort => V1.ViolationKind.SeatsShort,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static V1.Indicator ToProto(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers => V1.Indicator.DegreeTeachers,
        Indicator.BackboneTeachers => V1.Indicator.BackboneTeachers,
        Indicator.PeArtTeachers => V1.Indicator.PeArtTeachers,
        Indicator.FloorArea => V1.Indicator.FloorArea,
        Indicator.SportsArea => V1.Indicator.SportsArea,
        Indicator.EquipmentValue => V1.Indicator.EquipmentValue,
        Indicator.MultimediaRooms => V1.Indicator.MultimediaRooms,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    public static Indicator? FromProto(V1.Indicator indicator) => indicator switch
    {
        V1.Indicator.DegreeTeachers => Indicator.DegreeTeachers,
        V1.Indicator.BackboneTeachers => Indicator.BackboneTeachers,
        V1.Indicator.PeArtTeachers => Indicator.PeArtTeachers,
        V1.Indicator.FloorArea => Indicator.FloorArea,
        V1.Indicator.SportsArea => Indicator.SportsArea,
        V1.Indicator.EquipmentValue => Indicator.EquipmentValue,
        V1.Indicator.MultimediaRooms => Indicator.MultimediaRooms,
        _ => null,
    };

    public static V1.ConstraintIssueKind ToProto(ConstraintIssueKind kind) => kind switch
    {
        ConstraintIssueKind.Overfull => V1.ConstraintIssueKind.Overfull,
        ConstraintIssueKind.NotTaught => V1.ConstraintIssueKind.NotTaught,
        ConstraintIssueKind.Conflict => V1.ConstraintIssueKind.Conflict,
        ConstraintIssueKind.NoSchoolLeft => V1.ConstraintIssueKind.NoSchoolLeft,
        _ => V1.ConstraintIssueKind.Unspecified,
    };
}
