using Planning.Engine.Rules;

namespace Planning.Server.Rules;

/// <summary>
/// The standard in force, from configuration section "Standard" (e.g. <c>Standard__PrimaryClassLimit=40</c>
/// for a what-if study); every figure left out keeps the national standard of 2017. Runs and the
/// assessment use it, and GetRules tells clients.
/// </summary>
public sealed class StandardSettings
{
    public int? SchoolSizeLimit { get; init; }
    public int? NineYearSizeLimit { get; init; }
    public int? PrimaryClassLimit { get; init; }
    public int? JuniorClassLimit { get; init; }
    public int? MinimumMet { get; init; }
    public double? FloorShare { get; init; }
    public double? PrimaryCoefficientCeiling { get; init; }
    public double? JuniorCoefficientCeiling { get; init; }
    public double[]? PrimaryThresholds { get; init; }
    public double[]? JuniorThresholds { get; init; }
    public double? JuniorPupilWeight { get; init; }

    private bool IsNational => SchoolSizeLimit is null && NineYearSizeLimit is null && PrimaryClassLimit is null
        && JuniorClassLimit is null && MinimumMet is null && FloorShare is null && PrimaryCoefficientCeiling is null
        && JuniorCoefficientCeiling is null && PrimaryThresholds is null && JuniorThresholds is null && JuniorPupilWeight is null;

    /// <summary>The national standard with these figures, or an error at start naming what cannot work.</summary>
    public Standard ToStandard()
    {
        var national = Standard.National2017;
        Standard standard;
        try
        {
            standard = national with
            {
                Name = IsNational ? national.Name : national.Name + " (modified)",
                SchoolSizeLimit = SchoolSizeLimit ?? national.SchoolSizeLimit,
                NineYearSizeLimit = NineYearSizeLimit ?? national.NineYearSizeLimit,
                PrimaryClassLimit = PrimaryClassLimit ?? national.PrimaryClassLimit,
                JuniorClassLimit = JuniorClassLimit ?? national.JuniorClassLimit,
                MinimumMet = MinimumMet ?? national.MinimumMet,
                FloorShare = FloorShare ?? national.FloorShare,
                PrimaryCoefficientCeiling = PrimaryCoefficientCeiling ?? national.PrimaryCoefficientCeiling,
                JuniorCoefficientCeiling = JuniorCoefficientCeiling ?? national.JuniorCoefficientCeiling,
                PrimaryThresholds = PrimaryThresholds ?? national.PrimaryThresholds,
                JuniorThresholds = JuniorThresholds ?? national.JuniorThresholds,
                JuniorPupilWeight = JuniorPupilWeight ?? national.JuniorPupilWeight,
            };
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Standard: {e.Message}", e);
        }
        return standard.Problems() is [var first, ..] ? throw new InvalidOperationException($"Standard: {first}") : standard;
    }
}
